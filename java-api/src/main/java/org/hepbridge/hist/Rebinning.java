package org.hepbridge.hist;

import java.util.Arrays;

/** Axis merging for {@link Histogram#rebin}: the merged axis and where each old bin goes. */
final class Rebinning {

    /** The merged axis and, for each old regular bin, its bin in the merged axis. */
    record Plan(Axis axis, int[] binMap) {

        /** The cell in the merged axis of a cell of the original axis. */
        int mergedCell(Axis old, int cell) {
            int shift = old.underflow() ? 1 : 0;
            int index = cell - shift;
            if (index < 0) {
                return 0;
            }
            if (index >= old.bins()) {
                return axis.bins() + shift;
            }
            return binMap[index] + shift;
        }
    }

    private Rebinning() {
    }

    static Plan byFactor(Axis axis, int factor) {
        checkOrdered(axis);
        if (factor < 1) {
            throw new IllegalArgumentException("Histogram.rebin: factor must be >= 1, got "
                    + factor + " for axis '" + axis.name() + "'");
        }
        if (axis.bins() % factor != 0) {
            throw new IllegalArgumentException("Histogram.rebin: factor " + factor
                    + " does not divide the " + axis.bins() + " bins of axis '" + axis.name()
                    + "'");
        }
        Axis merged = switch (axis) {
            case RegularAxis r -> new RegularAxis(r.name(), r.label(), r.bins() / factor, r.lo(),
                    r.hi(), r.underflow(), r.overflow());
            default -> variable(axis, everyNth(axis.edges(), factor));
        };
        int[] map = new int[axis.bins()];
        Arrays.setAll(map, i -> i / factor);
        return new Plan(merged, map);
    }

    static Plan byEdges(Axis axis, double[] newEdges) {
        checkOrdered(axis);
        double[] old = axis.edges();
        VariableAxis merged = variable(axis, newEdges);
        if (newEdges[0] != old[0] || newEdges[newEdges.length - 1] != old[old.length - 1]) {
            throw new IllegalArgumentException("Histogram.rebin: new edges of axis '"
                    + axis.name() + "' must span the old range [" + old[0] + ", "
                    + old[old.length - 1] + "], got " + Arrays.toString(newEdges));
        }
        int[] map = new int[axis.bins()];
        int j = 0;
        for (int i = 0; i < map.length; i++) {
            if (old[i] == newEdges[j + 1]) {
                j++;
            }
            map[i] = j;
        }
        for (double e : newEdges) {
            if (Arrays.binarySearch(old, e) < 0) {
                throw new IllegalArgumentException("Histogram.rebin: new edge " + e
                        + " of axis '" + axis.name() + "' is not an old edge; old edges are "
                        + Arrays.toString(old));
            }
        }
        return new Plan(merged, map);
    }

    private static void checkOrdered(Axis axis) {
        if (axis instanceof CategoryAxis) {
            throw new IllegalArgumentException("Histogram.rebin: category axis '"
                    + axis.name() + "' cannot be rebinned (its bins are unordered)");
        }
    }

    private static VariableAxis variable(Axis axis, double[] edges) {
        return new VariableAxis(axis.name(), axis.label(), edges, axis.underflow(),
                axis.overflow());
    }

    private static double[] everyNth(double[] edges, int factor) {
        double[] out = new double[(edges.length - 1) / factor + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = edges[i * factor];
        }
        return out;
    }
}
