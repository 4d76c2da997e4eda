package org.hepbridge.python;

import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Checks on C Data structs before Arrow Java imports them.
 *
 * <p>Dictionary-encoded arrays are refused: the bridge passes no dictionary provider, and
 * Arrow Java would fail with a bare NullPointerException.
 *
 * <p>Arrow Java 18.3 ignores the {@code offset} field of an imported {@code ArrowArray}
 * (apache/arrow-java#251): a slice, e.g. {@code pyarrow.array(...).slice(2)} or a batch of
 * {@code Table.to_batches(max_chunksize=...)}, would silently read the rows before the slice.
 * Such arrays are refused here instead.
 */
final class CDataChecks {
    private CDataChecks() {
    }

    /**
     * Throws unless {@code array} and its children all have offset 0 and no dictionary. Leaves
     * the struct untouched (the caller still owns it and must release it on failure).
     *
     * @throws IllegalArgumentException naming the nesting path of the offending array
     */
    static void requireUnsliced(ArrowArray array, String what) {
        check(array.snapshot(), what);
    }

    private static void check(ArrowArray.Snapshot s, String path) {
        if (s.offset != 0) {
            throw new IllegalArgumentException("PythonBridge: " + path + " is a slice (ArrowArray"
                    + " offset " + s.offset + "); Arrow Java 18.3 cannot import offsets"
                    + " (apache/arrow-java#251): hand over a compacted copy, e.g."
                    + " pyarrow.concat_arrays([array])");
        }
        for (long i = 0; i < s.n_children; i++) {
            long child = MemoryUtil.getLong(s.children + Long.BYTES * i);
            check(ArrowArray.wrap(child).snapshot(), path + " child " + i);
        }
        if (s.dictionary != 0) {
            throw new IllegalArgumentException("PythonBridge: " + path + " is dictionary-encoded,"
                    + " which hepbridge does not import: decode it first, e.g."
                    + " pyarrow's array.dictionary_decode()");
        }
    }
}
