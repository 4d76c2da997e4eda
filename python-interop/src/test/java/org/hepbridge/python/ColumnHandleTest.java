package org.hepbridge.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Float8Vector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Columns built from boxed values, GraalPy's way to hand a Python list to Java. */
class ColumnHandleTest {
    private final PythonBridge bridge = PythonBridge.open();

    @AfterEach
    void close() {
        assertEquals(0, bridge.allocatedBytes(), "bytes left");
        bridge.close();
    }

    @Test
    void booleansKeepTheirNulls() {
        try (ColumnHandle mask = bridge.columnFromValues("mask", "bool",
                new Object[] {true, null, false})) {
            BitVector bits = (BitVector) mask.vector();
            assertEquals(3, mask.length());
            assertEquals(1, bits.get(0));
            assertEquals(true, bits.isNull(1));
            assertEquals(0, bits.get(2));
            assertEquals("bool", mask.typeName());
        }
    }

    @Test
    void numbersOfAnyBoxedTypeBecomeDoubles() {
        try (ColumnHandle x = bridge.columnFromValues("x", "double",
                new Object[] {1, 2L, 2.5})) {
            Float8Vector values = (Float8Vector) x.vector();
            assertEquals(1.0, values.get(0));
            assertEquals(2.0, values.get(1));
            assertEquals(2.5, values.get(2));
        }
    }

    @Test
    void aValueOfAnotherTypeIsRefusedNamingItsRow() {
        ColumnTypeException e = assertThrows(ColumnTypeException.class,
                () -> bridge.columnFromValues("mask", "bool", new Object[] {true, 1}));
        assertEquals("PythonBridge: column 'mask' has type Integer (row 1: 1), expected bool",
                e.getMessage());
    }
}
