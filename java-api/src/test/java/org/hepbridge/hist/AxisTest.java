package org.hepbridge.hist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTest {

    @Test
    void regularAxisIndexesHalfOpenBinsWithFlow() {
        // 4 bins of width 2.5 over [0, 10): 0 -> bin 0, 2.5 -> bin 1, 9.99 -> bin 3.
        RegularAxis a = new RegularAxis("x", 4, 0, 10);
        assertEquals(-1, a.index(-0.001));
        assertEquals(0, a.index(0));
        assertEquals(1, a.index(2.5));
        assertEquals(3, a.index(9.99));
        assertEquals(4, a.index(10));
        assertEquals(4, a.index(Double.NaN));
        assertEquals(-1, a.index(Double.NEGATIVE_INFINITY));
        assertArrayEquals(new double[] {0, 2.5, 5, 7.5, 10}, a.edges(), 0);
        assertArrayEquals(new double[] {1.25, 3.75, 6.25, 8.75}, a.centers(), 0);
        assertArrayEquals(new double[] {2.5, 2.5, 2.5, 2.5}, a.widths(), 0);
        assertEquals(6, a.extent());
        assertEquals("x", a.label());
        assertEquals("m_{4l} [GeV]", a.withLabel("m_{4l} [GeV]").label());
    }

    @Test
    void regularAxisRejectsBadOptionsNamingTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RegularAxis("m", 0, 0, 1));
        assertEquals("RegularAxis 'm': bins must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RegularAxis("m", 3, 2, 2));
        assertEquals("RegularAxis 'm': lo must be < hi, got lo=2.0 hi=2.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new RegularAxis("m", 3, 0, Double.POSITIVE_INFINITY));
        assertEquals("RegularAxis 'm': hi must be finite, got Infinity", e.getMessage());
    }

    @Test
    void variableAxisIndexesEdgesAsLowerInclusive() {
        VariableAxis a = new VariableAxis("pt", new double[] {0, 10, 25, 50});
        assertEquals(-1, a.index(-1e-300));
        assertEquals(0, a.index(0));
        assertEquals(0, a.index(9.999));
        assertEquals(1, a.index(10));
        assertEquals(2, a.index(49.9));
        assertEquals(3, a.index(50));
        assertEquals(3, a.index(Double.NaN));
        assertArrayEquals(new double[] {5, 17.5, 37.5}, a.centers(), 0);
        assertArrayEquals(new double[] {10, 15, 25}, a.widths(), 0);
    }

    @Test
    void variableAxisRejectsNonIncreasingEdges() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new VariableAxis("pt", new double[] {0, 10, 10, 20}));
        assertEquals("VariableAxis 'pt': edges must be strictly increasing, but edge 2 = 10.0"
                + " follows 10.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new VariableAxis("pt", new double[] {1}));
        assertEquals("VariableAxis 'pt': needs at least 2 edges, got [1.0]", e.getMessage());
    }

    @Test
    void categoryAxesMapKnownValuesAndSendTheRestToFlow() {
        CategoryAxis s = new CategoryAxis("ch", List.of("4e", "4mu", "2e2mu"));
        assertEquals(1, s.index("4mu"));
        assertEquals(3, s.index("eemumu"));
        assertEquals(2, s.index(2.0));
        assertEquals(0, s.cell(s.index("4e")));
        assertEquals(4, s.extent());
        CategoryAxis i = CategoryAxis.ofInts("nj", "jets", new int[] {5, 3}, false);
        assertEquals(1, i.index(3.0));
        assertEquals(2, i.index(4.0));
        assertEquals(-1, i.cell(i.index(4.0)));
        assertEquals(new CategoryAxis("n", 3).categories(), List.of("0", "1", "2"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new CategoryAxis("ch", List.of("4e", "4e")));
        assertEquals("CategoryAxis 'ch': duplicate category 4e at position 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CategoryAxis("n", 0));
        assertEquals("CategoryAxis 'n': category count must be >= 1, got 0", e.getMessage());
    }
}
