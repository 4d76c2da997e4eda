package org.hepbridge.python;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Event-like columns with a fixed seed, for the hand-over benchmark and tests: eventNumber
 * (int64, 0..rows-1), m4l (double, 80 + 170 u) and weight (double, u), with u uniform in [0, 1).
 */
final class SyntheticColumns {
    private static final long SEED = 20_120_704L;

    private SyntheticColumns() {
    }

    static Batch batch(int rows, BufferAllocator allocator) {
        if (rows < 0) {
            throw new IllegalArgumentException("SyntheticColumns: rows must be >= 0, got " + rows);
        }
        BigIntVector event = new BigIntVector("eventNumber", allocator);
        Float8Vector m4l = new Float8Vector("m4l", allocator);
        Float8Vector weight = new Float8Vector("weight", allocator);
        List<FieldVector> vectors = List.of(event, m4l, weight);
        try {
            fill(rows, event, m4l, weight);
            return new Batch(new VectorSchemaRoot(vectors), allocator);
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
    }

    private static void fill(int rows, BigIntVector event, Float8Vector m4l,
            Float8Vector weight) {
        event.allocateNew(rows);
        m4l.allocateNew(rows);
        weight.allocateNew(rows);
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < rows; i++) {
            event.set(i, i);
            m4l.set(i, 80.0 + 170.0 * random.nextDouble());
            weight.set(i, random.nextDouble());
        }
        event.setValueCount(rows);
        m4l.setValueCount(rows);
        weight.setValueCount(rows);
    }
}
