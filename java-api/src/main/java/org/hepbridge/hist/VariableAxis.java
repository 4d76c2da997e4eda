package org.hepbridge.hist;

import java.util.Arrays;

/**
 * Bins between strictly increasing edges; immutable and thread-safe (the edges are copied in and
 * out).
 *
 * <p>Bins are half open, {@code [e[i], e[i+1])}; a value equal to the last edge is overflow, as in
 * boost-histogram.
 */
public final class VariableAxis implements Axis {

    private final String name;
    private final String label;
    private final double[] edges;
    private final boolean underflow;
    private final boolean overflow;

    /**
     * Creates an axis.
     *
     * @param name the axis name
     * @param label display label with units (defaults to the name when null or empty)
     * @param edges at least two finite, strictly increasing edges
     * @param underflow whether an underflow bin exists
     * @param overflow whether an overflow bin exists
     */
    public VariableAxis(String name, String label, double[] edges, boolean underflow,
            boolean overflow) {
        this.name = Checks.name("VariableAxis", name);
        this.label = Checks.label(label, name);
        this.edges = checkEdges(name, edges);
        this.underflow = underflow;
        this.overflow = overflow;
    }

    /** An axis with both flow bins and the name as label. */
    public VariableAxis(String name, double[] edges) {
        this(name, name, edges, true, true);
    }

    /** An axis with both flow bins. */
    public VariableAxis(String name, String label, double[] edges) {
        this(name, label, edges, true, true);
    }

    private static double[] checkEdges(String name, double[] edges) {
        String who = "VariableAxis '" + name + "'";
        if (edges == null || edges.length < 2) {
            throw new IllegalArgumentException(who + ": needs at least 2 edges, got "
                    + (edges == null ? "null" : Arrays.toString(edges)));
        }
        for (int i = 0; i < edges.length; i++) {
            Checks.finite(who, "edge " + i, edges[i]);
            if (i > 0 && !(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException(who + ": edges must be strictly increasing,"
                        + " but edge " + i + " = " + edges[i] + " follows " + edges[i - 1]);
            }
        }
        return edges.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public int bins() {
        return edges.length - 1;
    }

    @Override
    public boolean underflow() {
        return underflow;
    }

    @Override
    public boolean overflow() {
        return overflow;
    }

    @Override
    public int index(double x) {
        if (Double.isNaN(x) || x >= edges[edges.length - 1]) {
            return bins();
        }
        if (x < edges[0]) {
            return -1;
        }
        int pos = Arrays.binarySearch(edges, x);
        // An exact edge hit starts that bin; otherwise the insertion point is one past the bin.
        return pos >= 0 ? pos : -pos - 2;
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public VariableAxis withLabel(String newLabel) {
        return new VariableAxis(name, newLabel, edges, underflow, overflow);
    }

    @Override
    public boolean sameBinning(Axis other) {
        return other instanceof VariableAxis o && o.name.equals(name)
                && Arrays.equals(o.edges, edges) && o.underflow == underflow
                && o.overflow == overflow;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VariableAxis v && sameBinning(v) && v.label.equals(label);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(edges);
    }

    @Override
    public String toString() {
        return "VariableAxis[name=" + name + ", label=" + label + ", edges="
                + Arrays.toString(edges) + ", underflow=" + underflow + ", overflow="
                + overflow + "]";
    }
}
