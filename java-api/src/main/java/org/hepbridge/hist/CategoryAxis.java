package org.hepbridge.hist;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Unordered bins, one per category: either strings (for example decay channels) or integers;
 * immutable and thread-safe.
 *
 * <p>There is never an underflow bin. When {@link #overflow()} is true, values that match no
 * category are counted in the overflow bin (UHI calls it the "flow" bin), otherwise they are
 * dropped. For use with numeric coordinates ({@link #index(double)}), an integer axis maps the
 * category value, a string axis maps the category position {@code 0 .. bins()-1}.
 */
public final class CategoryAxis implements Axis {

    private final String name;
    private final String label;
    private final List<String> strings;
    private final int[] ints;
    private final boolean overflow;
    private final Map<Object, Integer> positions = new HashMap<>();

    private CategoryAxis(String name, String label, List<String> strings, int[] ints,
            boolean overflow) {
        this.name = Checks.name("CategoryAxis", name);
        this.label = Checks.label(label, name);
        this.strings = strings == null ? null : List.copyOf(strings);
        this.ints = ints == null ? null : ints.clone();
        this.overflow = overflow;
        indexCategories();
    }

    /** A string category axis with a flow bin for unknown values; categories must be unique. */
    public CategoryAxis(String name, List<String> categories) {
        this(name, name, checkStrings(name, categories), null, true);
    }

    /** An integer category axis with categories {@code 0 .. count-1} and a flow bin. */
    public CategoryAxis(String name, int count) {
        this(name, name, null, range(name, count), true);
    }

    /** A string category axis with the given label and flow option. */
    public static CategoryAxis ofStrings(String name, String label, List<String> categories,
            boolean flow) {
        return new CategoryAxis(name, label, checkStrings(name, categories), null, flow);
    }

    /** An integer category axis with the given categories (in bin order), label and flow. */
    public static CategoryAxis ofInts(String name, String label, int[] categories,
            boolean flow) {
        if (categories == null || categories.length == 0) {
            throw new IllegalArgumentException("CategoryAxis '" + name
                    + "': needs at least 1 category, got " + Arrays.toString(categories));
        }
        return new CategoryAxis(name, label, null, categories, flow);
    }

    private static List<String> checkStrings(String name, List<String> categories) {
        if (categories == null || categories.isEmpty()) {
            throw new IllegalArgumentException("CategoryAxis '" + name
                    + "': needs at least 1 category, got " + categories);
        }
        if (categories.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("CategoryAxis '" + name
                    + "': categories must not contain null, got " + categories);
        }
        return categories;
    }

    private static int[] range(String name, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("CategoryAxis '" + name
                    + "': category count must be >= 1, got " + count);
        }
        int[] r = new int[count];
        Arrays.setAll(r, i -> i);
        return r;
    }

    private void indexCategories() {
        for (int i = 0; i < bins(); i++) {
            Object key = strings != null ? strings.get(i) : (Object) ints[i];
            if (positions.put(key, i) != null) {
                throw new IllegalArgumentException("CategoryAxis '" + name
                        + "': duplicate category " + key + " at position " + i);
            }
        }
    }

    /** Whether the categories are strings (otherwise integers). */
    public boolean isStringAxis() {
        return strings != null;
    }

    /** The categories in bin order; integer categories as their decimal strings. */
    public List<String> categories() {
        if (strings != null) {
            return strings;
        }
        return Arrays.stream(ints).mapToObj(Integer::toString).toList();
    }

    /** The integer categories in bin order; fails for a string axis. */
    public int[] intCategories() {
        if (ints == null) {
            throw new IllegalStateException("CategoryAxis '" + name
                    + "': is a string category axis, it has no integer categories");
        }
        return ints.clone();
    }

    /** Bin of a string category, {@code bins()} when unknown. */
    public int index(String category) {
        return positions.getOrDefault(category, bins());
    }

    /**
     * Bin of a coordinate given as a {@link String} (string axis) or an integral {@link Number}
     * (integer axis); anything else is {@code bins()}.
     */
    public int index(Object value) {
        if (value instanceof String s) {
            return strings != null ? index(s) : bins();
        }
        if (value instanceof Number n) {
            return ints != null ? index(n.doubleValue()) : bins();
        }
        return bins();
    }

    @Override
    public int index(double x) {
        if (x != Math.rint(x) || Double.isInfinite(x)) {
            return bins();
        }
        if (ints != null) {
            return x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE
                    ? positions.getOrDefault((int) x, bins()) : bins();
        }
        return x >= 0 && x < bins() ? (int) x : bins();
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
        return strings != null ? strings.size() : ints.length;
    }

    @Override
    public boolean underflow() {
        return false;
    }

    @Override
    public boolean overflow() {
        return overflow;
    }

    @Override
    public double[] edges() {
        double[] e = new double[bins() + 1];
        Arrays.setAll(e, i -> i);
        return e;
    }

    @Override
    public CategoryAxis withLabel(String newLabel) {
        return new CategoryAxis(name, newLabel, strings, ints, overflow);
    }

    @Override
    public boolean sameBinning(Axis other) {
        return other instanceof CategoryAxis o && o.name.equals(name)
                && java.util.Objects.equals(o.strings, strings) && Arrays.equals(o.ints, ints)
                && o.overflow == overflow;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoryAxis c && sameBinning(c) && c.label.equals(label);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + categories().hashCode();
    }

    @Override
    public String toString() {
        return "CategoryAxis[name=" + name + ", label=" + label + ", categories="
                + categories() + (strings != null ? " (strings)" : " (ints)") + ", flow="
                + overflow + "]";
    }
}
