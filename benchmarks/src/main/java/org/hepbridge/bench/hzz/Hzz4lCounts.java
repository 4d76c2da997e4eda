package org.hepbridge.bench.hzz;

import java.util.Arrays;
import java.util.List;

/**
 * The histograms of the benchmark analysis as counts, laid out as hbl_analysis.h lays them out:
 * [variation][histogram][cell], 9 variations (NOMINAL first), 4 histograms (m4l of 4e, 4mu,
 * 2e2mu in 24 bins of [80, 170) GeV; m(Z1) in 24 bins of [60, 120) GeV), 26 cells (underflow,
 * 24 bins, overflow and NaN).
 *
 * <p>Mutable, not thread-safe.
 */
public final class Hzz4lCounts {
    public static final List<String> VARIATIONS = List.of("NOMINAL", "EG_SCALE__1up",
            "EG_SCALE__1down", "EG_RESOLUTION__1up", "EG_RESOLUTION__1down", "MUON_SCALE__1up",
            "MUON_SCALE__1down", "MUON_RESOLUTION__1up", "MUON_RESOLUTION__1down");
    public static final List<String> HISTOGRAMS = List.of("m4l_4e", "m4l_4mu", "m4l_2e2mu",
            "m_Z1");
    public static final int BINS = 24;
    public static final int CELLS = BINS + 2;
    public static final int SIZE = VARIATIONS.size() * HISTOGRAMS.size() * CELLS;

    private static final double MEV_PER_GEV = 1000.0;
    private static final int Z1 = 3;

    private final long[] counts;

    public Hzz4lCounts() {
        this(new long[SIZE]);
    }

    private Hzz4lCounts(long[] counts) {
        this.counts = counts;
    }

    /** Counts in the layout above; the array is copied. */
    public static Hzz4lCounts of(long[] counts) {
        if (counts.length != SIZE) {
            throw new IllegalArgumentException("Hzz4lCounts: got " + counts.length
                    + " counts, expected " + SIZE);
        }
        return new Hzz4lCounts(counts.clone());
    }

    /**
     * The cell of {@code x} on a regular axis of {@link #BINS} bins: 0 underflow, bins + 1
     * overflow or NaN; the bin is floor((x - low) / (high - low) * bins), as in
     * hbl_analysis.h and boost-histogram.
     */
    static int cell(double x, double low, double high) {
        double z = (x - low) / (high - low);
        if (z < 1) {
            return z >= 0 ? (int) (z * BINS) + 1 : 0;
        }
        return BINS + 1;
    }

    /**
     * Fills one selected event of {@code variation}: m4l (MeV) into the histogram of its
     * channel (hbl_channel code 1 4e, 2 4mu, 3 2e2mu) and m12 (MeV) into m(Z1).
     */
    public void fill(int variation, int channel, double m4lMeV, double m12MeV) {
        int base = variation * HISTOGRAMS.size() * CELLS;
        int histogram = channel == 1 ? 0 : channel == 2 ? 1 : 2;
        counts[base + histogram * CELLS + cell(m4lMeV / MEV_PER_GEV, 80.0, 170.0)]++;
        counts[base + Z1 * CELLS + cell(m12MeV / MEV_PER_GEV, 60.0, 120.0)]++;
    }

    /** Adds {@code factor} times {@code other} to these counts; returns this. */
    public Hzz4lCounts add(Hzz4lCounts other, long factor) {
        for (int i = 0; i < SIZE; i++) {
            counts[i] += factor * other.counts[i];
        }
        return this;
    }

    /** A copy of the counts in the layout above. */
    public long[] toArray() {
        return counts.clone();
    }

    /** One count by variation, histogram and cell. */
    public long get(int variation, int histogram, int cell) {
        return counts[(variation * HISTOGRAMS.size() + histogram) * CELLS + cell];
    }

    /** The number of selected events of {@code variation} (its m(Z1) entries). */
    public long selected(int variation) {
        long sum = 0;
        for (int c = 0; c < CELLS; c++) {
            sum += get(variation, Z1, c);
        }
        return sum;
    }

    /**
     * The first cell where {@code other} differs, as "variation/histogram cell i: a vs b", or
     * null when every count is equal.
     */
    public String firstDifference(Hzz4lCounts other) {
        for (int i = 0; i < SIZE; i++) {
            if (counts[i] != other.counts[i]) {
                int variation = i / (HISTOGRAMS.size() * CELLS);
                int histogram = i / CELLS % HISTOGRAMS.size();
                return VARIATIONS.get(variation) + "/" + HISTOGRAMS.get(histogram) + " cell "
                        + i % CELLS + ": " + counts[i] + " vs " + other.counts[i];
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hzz4lCounts other && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Hzz4lCounts[nominal selected " + selected(0) + "]";
    }
}
