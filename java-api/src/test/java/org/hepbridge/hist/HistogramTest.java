package org.hepbridge.hist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void weightedFillsAccumulateSumsAndSquares() {
        // Bins of width 10 over [80, 120): 85 twice (w 2 and 0.5), 101 once (w 3),
        // 79 underflow (w 1), 120 overflow (w 4).
        // bin 0: sumw 2.5, sumw2 4 + 0.25 = 4.25; bin 2: 3, 9; under 1, 1; over 4, 16.
        Histogram h = Histogram.regular("m4l", 4, 80, 120);
        h.fill(85, 2);
        h.fill(85, 0.5);
        h.fill(101, 3);
        h.fill(79);
        h.fill(120, 4);
        assertArrayEquals(new double[] {2.5, 0, 3, 0}, h.values(), 0);
        assertArrayEquals(new double[] {4.25, 0, 9, 0}, h.variances(), 0);
        assertArrayEquals(new double[] {1, 2.5, 0, 3, 0, 4}, h.values(true), 0);
        assertArrayEquals(new double[] {1, 4.25, 0, 9, 0, 16}, h.variances(true), 0);
        assertEquals(5.5, h.sum(), 0);
        assertEquals(10.5, h.sum(true), 0);
        assertEquals(1, h.value(-1), 0);
        assertEquals(16, h.variance(4), 0);
    }

    @Test
    void batchFillsMatchSingleFills() {
        Histogram a = Histogram.regular("x", 3, 0, 3);
        a.fill(new double[] {0.5, 1.5, 1.7, 5}, new double[] {1, 2, 3, 4});
        Histogram b = Histogram.regular("x", 3, 0, 3);
        b.fill(new float[] {0.5f, 1.5f, 1.7f, 5f}, new float[] {1, 2, 3, 4});
        // bin 1 gets 2 + 3 = 5 (variance 4 + 9 = 13); overflow gets 4 (variance 16).
        assertArrayEquals(new double[] {0, 1, 5, 0, 4}, a.values(true), 0);
        assertArrayEquals(new double[] {0, 1, 13, 0, 16}, a.variances(true), 0);
        assertArrayEquals(a.values(true), b.values(true), 0);
        var e = assertThrows(IllegalArgumentException.class,
                () -> a.fill(new double[] {1, 2}, new double[] {1}));
        assertEquals("Histogram.fill: column lengths differ: 2 vs 1", e.getMessage());
    }

    @Test
    void arrowColumnsFillSkippingNulls() {
        try (BufferAllocator alloc = new RootAllocator();
                Float8Vector x = new Float8Vector("m4l", alloc);
                Float4Vector w = new Float4Vector("w", alloc);
                IntVector n = new IntVector("n", alloc)) {
            x.allocateNew(4);
            w.allocateNew(4);
            n.allocateNew(4);
            x.set(0, 0.5);
            x.setNull(1);
            x.set(2, 2.5);
            x.set(3, 2.6);
            w.set(0, 2f);
            w.set(1, 7f);
            w.set(2, 3f);
            w.setNull(3);
            n.set(0, 1);
            n.set(1, 1);
            n.setNull(2);
            n.set(3, 0);
            x.setValueCount(4);
            w.setValueCount(4);
            n.setValueCount(4);
            // Row 1 has a null x, row 3 a null weight: only rows 0 (bin 0, w 2) and 2 remain.
            Histogram h = Histogram.regular("m4l", 3, 0, 3);
            h.fill(x, w);
            assertArrayEquals(new double[] {2, 0, 3}, h.values(), 0);
            // 2-D: x by n; row 2 has a null n, row 1 a null x: rows 0 (0.5, 1) and 3 (2.6, 0).
            Histogram h2 = new Histogram(new RegularAxis("m4l", 3, 0, 3), new CategoryAxis("n",
                    2));
            h2.fill(List.of(x, n), null);
            assertEquals(1, h2.value(0, 1), 0);
            assertEquals(1, h2.value(2, 0), 0);
            assertEquals(2, h2.sum(true), 0);
        }
    }

    @Test
    void unsupportedArrowColumnTypeIsNamed() {
        try (BufferAllocator alloc = new RootAllocator();
                VarCharVector s = new VarCharVector("channel", alloc)) {
            s.allocateNew();
            s.setValueCount(0);
            var e = assertThrows(IllegalArgumentException.class,
                    () -> Histogram.regular("x", 1, 0, 1).fill(s));
            assertEquals("Histogram.fill: Arrow column 'channel' has unsupported type VARCHAR;"
                    + " expected FLOAT8, FLOAT4, INT, BIGINT or SMALLINT", e.getMessage());
        }
    }

    @Test
    void multiDimensionalFillIsRowMajorFirstAxisOutermost() {
        // x: 2 bins over [0, 2), y: categories a, b (+flow). Without flow, cell (i, j) is at
        // i * 2 + j. (1.5, "b") -> cell 3, (0.5, "a") -> cell 0, (0.5, "zz") -> y flow only.
        Histogram h = new Histogram(new RegularAxis("x", 2, 0, 2),
                new CategoryAxis("y", List.of("a", "b")));
        h.fill(new Object[] {1.5, "b"}, 2);
        h.fill(new Object[] {0.5, "a"}, 1);
        h.fill(new Object[] {0.5, "zz"}, 5);
        h.fill(new double[] {1.5, 1}, 1);
        assertArrayEquals(new double[] {1, 0, 0, 3}, h.values(), 0);
        assertEquals(5, h.value(0, 2), 0);
        assertArrayEquals(new int[] {4, 3}, h.shape(true));
        var e = assertThrows(IllegalArgumentException.class, () -> h.fill(1.0));
        assertEquals("Histogram.fill(x, w): needs a 1-D histogram, this one has 2 axes [x, y]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> h.fill(new double[] {1}, 1));
        assertEquals("Histogram.fill: got 1 coordinates, expected one per axis: 2 [x, y]",
                e.getMessage());
    }

    @Test
    void addScaleAndCopy() {
        Histogram a = Histogram.regular("x", 2, 0, 2);
        a.fill(0.5, 2);
        Histogram b = a.copy();
        b.fill(1.5, 3);
        a.add(b).scale(0.5);
        // a = {2} + {2, 3} = {4, 3}, variances {4+4, 9} = {8, 9}; scaled by 0.5: {2, 1.5},
        // variances times 0.25: {2, 2.25}.
        assertArrayEquals(new double[] {2, 1.5}, a.values(), 0);
        assertArrayEquals(new double[] {2, 2.25}, a.variances(), 0);
        assertArrayEquals(new double[] {2, 3}, b.values(), 0);
        var e = assertThrows(IllegalArgumentException.class,
                () -> a.add(Histogram.regular("x", 3, 0, 2)));
        assertEquals("Histogram.add: axis 0 differs: this has RegularAxis[name=x, label=x, bins=2,"
                + " lo=0.0, hi=2.0, underflow=true, overflow=true], other has RegularAxis[name=x,"
                + " label=x, bins=3, lo=0.0, hi=2.0, underflow=true, overflow=true]",
                e.getMessage());
    }

    @Test
    void projectSumsOtherAxesIncludingFlow() {
        Histogram h = new Histogram(new RegularAxis("x", 2, 0, 2), new RegularAxis("y", 2, 0,
                2), new CategoryAxis("c", 2));
        h.fill(new double[] {0.5, 0.5, 0}, 1);
        h.fill(new double[] {0.5, 5, 1}, 2);
        h.fill(new double[] {1.5, -1, 7}, 4);
        // Projection on x: bin 0 = 1 + 2 (y overflow included), bin 1 = 4.
        assertArrayEquals(new double[] {3, 4}, h.project(0).values(), 0);
        assertArrayEquals(new double[] {5, 16}, h.project(0).variances(), 0);
        // Projection on (c, x): c=0: x0=1; c=1: x0=2; c flow: x1=4.
        Histogram cx = h.project(2, 0);
        assertEquals("c", cx.axis(0).name());
        assertEquals(1, cx.value(0, 0), 0);
        assertEquals(2, cx.value(1, 0), 0);
        assertEquals(4, cx.value(2, 1), 0);
        var e = assertThrows(IllegalArgumentException.class, () -> h.project(0, 0));
        assertEquals("Histogram.project: axis 0 selected twice in [0, 0]", e.getMessage());
    }

    @Test
    void rebinMergesNeighboursAndKeepsFlow() {
        Histogram h = Histogram.regular("x", 4, 0, 4);
        h.fill(new double[] {-1, 0.5, 1.5, 1.6, 2.5, 3.5, 9});
        Histogram r = h.rebin(0, 2);
        assertEquals(new RegularAxis("x", 2, 0, 4), r.axis(0));
        // [0, 2) holds 0.5, 1.5, 1.6; [2, 4) holds 2.5, 3.5; flows 1 each.
        assertArrayEquals(new double[] {1, 3, 2, 1}, r.values(true), 0);

        Histogram v = Histogram.variable("pt", 0, 10, 25, 50, 100);
        v.fill(new double[] {5, 30, 60, 70});
        Histogram vr = v.rebin(0, 2);
        assertArrayEquals(new double[] {0, 25, 100}, vr.axis(0).edges(), 0);
        assertArrayEquals(new double[] {1, 3}, vr.values(), 0);

        var e = assertThrows(IllegalArgumentException.class, () -> h.rebin(0, 3));
        assertEquals("Histogram.rebin: factor 3 does not divide the 4 bins of axis 'x'",
                e.getMessage());
        Histogram c = new Histogram(new CategoryAxis("c", 2));
        e = assertThrows(IllegalArgumentException.class, () -> c.rebin(0, 2));
        assertEquals("Histogram.rebin: category axis 'c' cannot be rebinned (its bins are"
                + " unordered)", e.getMessage());
    }

    @Test
    void uhiJsonRoundTripsAllAxisKinds() {
        Histogram h = HistCrossCheckTest.emptyHistogram();
        h.fill(new Object[] {85.0, 12.0, "4mu", 2}, 1.5);
        h.fill(new Object[] {200.0, -3.0, "xx", 9}, 2);
        Histogram back = Histogram.fromUhiJson(h.toUhiJson());
        assertEquals(h.axes(), back.axes());
        assertArrayEquals(h.values(true), back.values(true), 0);
        assertArrayEquals(h.variances(true), back.variances(true), 0);
        assertEquals(2, back.value(24, -1, 3, 3), 0);
    }

    @Test
    void uhiJsonReadsDoubleAndSparseStorage() {
        // Hand-written documents: a double storage (variances = values) and a sparse weighted
        // storage with one filled cell at cell 2 = regular bin 1 (cell 0 is the underflow).
        String dense = "{\"uhi_schema\":1,\"axes\":[{\"type\":\"regular\",\"lower\":0,"
                + "\"upper\":2,\"bins\":2,\"underflow\":true,\"overflow\":false,"
                + "\"circular\":false}],\"storage\":{\"type\":\"double\",\"values\":[1,2,3]}}";
        Histogram d = Histogram.fromUhiJson(dense);
        assertArrayEquals(new double[] {1, 2, 3}, d.values(true), 0);
        assertArrayEquals(new double[] {1, 2, 3}, d.variances(true), 0);
        String sparse = dense.replace("\"type\":\"double\",\"values\":[1,2,3]",
                "\"type\":\"weighted\",\"index\":[[2]],\"values\":[5],\"variances\":[7]");
        Histogram s = Histogram.fromUhiJson(sparse);
        assertArrayEquals(new double[] {0, 0, 5}, s.values(true), 0);
        assertEquals(7, s.variance(1), 0);
    }

    @Test
    void uhiJsonErrorsNameTheProblem() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Histogram.fromUhiJson("{\"uhi_schema\":2}"));
        assertEquals("UhiJson: unsupported uhi_schema 2, expected 1", e.getMessage());
        String bool = "{\"uhi_schema\":1,\"axes\":[{\"type\":\"boolean\"}],"
                + "\"storage\":{\"type\":\"double\"}}";
        e = assertThrows(IllegalArgumentException.class, () -> Histogram.fromUhiJson(bool));
        assertEquals("UhiJson: axis 0 ('', boolean): unsupported axis type 'boolean', expected"
                + " regular, variable, category_str or category_int", e.getMessage());
        String shortValues = "{\"uhi_schema\":1,\"axes\":[{\"type\":\"regular\",\"lower\":0,"
                + "\"upper\":2,\"bins\":2,\"underflow\":true,\"overflow\":true,"
                + "\"circular\":false}],\"storage\":{\"type\":\"double\",\"values\":[1,2,3]}}";
        e = assertThrows(IllegalArgumentException.class,
                () -> Histogram.fromUhiJson(shortValues));
        assertEquals("UhiJson: storage values at depth 0 has 3 entries, expected 4 (bins of axis"
                + " 0 including flow)", e.getMessage());
    }
}
