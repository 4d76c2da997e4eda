package org.hepbridge.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events surviving each step of a selection, per input and in total.
 *
 * <p>Steps are cumulative: step {@code i} counts events passing steps {@code 0..i}. Not
 * thread-safe; build one per thread and {@link #add} them.
 */
public final class Cutflow {
    private final List<String> steps;
    private final Map<String, long[]> countsByInput = new LinkedHashMap<>();

    public Cutflow(List<String> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("Cutflow: needs at least one step");
        }
        this.steps = List.copyOf(steps);
    }

    /** The step names, in order. */
    public List<String> steps() {
        return steps;
    }

    /** Adds {@code count} events passing step {@code step} (cumulatively) in {@code input}. */
    public void increment(String input, int step, long count) {
        if (step < 0 || step >= steps.size()) {
            throw new IndexOutOfBoundsException("Cutflow: step " + step + " not in [0, "
                    + steps.size() + ")");
        }
        countsByInput.computeIfAbsent(input, k -> new long[steps.size()])[step] += count;
    }

    /** Adds every count of {@code other}, which must have the same steps. */
    public void add(Cutflow other) {
        if (!steps.equals(other.steps)) {
            throw new IllegalArgumentException("Cutflow: cannot add cutflows with steps "
                    + other.steps + " to " + steps);
        }
        other.countsByInput.forEach((input, counts) -> {
            for (int i = 0; i < counts.length; i++) {
                increment(input, i, counts[i]);
            }
        });
    }

    /** The inputs, in the order they were first counted. */
    public List<String> inputs() {
        return Collections.unmodifiableList(new ArrayList<>(countsByInput.keySet()));
    }

    /** Counts of one input, one per step (all zero for an unknown input). */
    public long[] counts(String input) {
        long[] counts = countsByInput.get(input);
        return counts == null ? new long[steps.size()] : counts.clone();
    }

    /** Counts summed over all inputs, one per step. */
    public long[] total() {
        long[] total = new long[steps.size()];
        for (long[] counts : countsByInput.values()) {
            for (int i = 0; i < total.length; i++) {
                total[i] += counts[i];
            }
        }
        return total;
    }

    /** Count after the last step for one input. */
    public long selected(String input) {
        long[] counts = counts(input);
        return counts[counts.length - 1];
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            text.append(String.format("%-34s", steps.get(i)));
            for (String input : countsByInput.keySet()) {
                text.append(String.format(" %8d", countsByInput.get(input)[i]));
            }
            text.append(String.format(" %8d%n", total()[i]));
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Cutflow that) || !steps.equals(that.steps)
                || !countsByInput.keySet().equals(that.countsByInput.keySet())) {
            return false;
        }
        return countsByInput.entrySet().stream()
                .allMatch(e -> Arrays.equals(e.getValue(), that.countsByInput.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return steps.hashCode() * 31 + countsByInput.keySet().hashCode();
    }
}
