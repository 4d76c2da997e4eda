package org.hepbridge.analysis.cms;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hepbridge.analysis.Cutflow;
import org.hepbridge.hist.Histogram;
import org.hepbridge.stats.BinnedFitResult;

/**
 * Outcome of {@link CmsHzz4lAnalysis#run}: the inputs read, the cutflow, the observed m4l
 * histogram, the expected yields per sample, and the signal-strength fit.
 *
 * <p>Immutable: the histogram, the cutflow and arrays are copied on construction and on
 * access, so a result may be shared between threads. The histogram has the analysis binning
 * (37 bins of 3 GeV from 70 GeV) with flow bins holding the candidates below 70 GeV and at or
 * above 181 GeV.
 *
 * @param inputs the six candidate files, then the expected-yields file
 * @param cutflow per candidate file: all rows, then those inside the fitted range
 * @param m4l the observed m4l of every candidate (unit weights)
 * @param expected expected events per bin by sample, as in {@link ExpectedYields}
 * @param elapsed wall-clock time of the run
 */
public record CmsHzz4lResult(List<Input> inputs, Cutflow cutflow, Histogram m4l,
        Map<String, double[]> expected, BinnedFitResult fit, Duration elapsed) {

    public CmsHzz4lResult {
        inputs = List.copyOf(inputs);
        cutflow = copy(cutflow);
        m4l = m4l.copy();
        Map<String, double[]> copy = new LinkedHashMap<>();
        expected.forEach((k, v) -> copy.put(k, v.clone()));
        expected = Collections.unmodifiableMap(copy);
    }

    /**
     * One file read.
     *
     * @param role {@link #CANDIDATES} or {@link #EXPECTED_YIELDS}
     * @param rows data rows (header excluded): candidates, or bins of expected yields
     */
    public record Input(Path path, String name, String role, String sha256, long bytes,
            long rows) {
        /** Role of a 4-lepton candidate CSV. */
        public static final String CANDIDATES = "candidates";
        /** Role of the expected-yields CSV. */
        public static final String EXPECTED_YIELDS = "expected_yields";
    }

    @Override
    public Cutflow cutflow() {
        return copy(cutflow);
    }

    @Override
    public Histogram m4l() {
        return m4l.copy();
    }

    @Override
    public Map<String, double[]> expected() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        expected.forEach((k, v) -> copy.put(k, v.clone()));
        return Collections.unmodifiableMap(copy);
    }

    /** Rows of each candidate file, in reading order. */
    public Map<String, Integer> rowsPerFile() {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (Input input : inputs) {
            if (input.role().equals(Input.CANDIDATES)) {
                rows.put(input.name(), Math.toIntExact(input.rows()));
            }
        }
        return Collections.unmodifiableMap(rows);
    }

    /** Candidates in all files. */
    public int totalRows() {
        return rowsPerFile().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Bin edges of the analysis binning, 38 values. */
    public double[] edges() {
        return m4l.axis(0).edges();
    }

    /** Observed candidates per bin, flow bins excluded. */
    public double[] observed() {
        return m4l.values();
    }

    /** Candidates below 70 GeV. */
    public double underflow() {
        return m4l.value(-1);
    }

    /** Candidates at or above 181 GeV. */
    public double overflow() {
        return m4l.value(CmsHzz4lAnalysis.BINS);
    }

    /** Events inside [70, 181) GeV. */
    public double eventsInRange() {
        return m4l.sum(false);
    }

    /**
     * The expected yields of one sample as a histogram with the analysis binning. The variances
     * are 0: the notebook the yields come from gives no statistical uncertainty of the simulation.
     *
     * @throws IllegalArgumentException for an unknown sample, listing the known ones
     */
    public Histogram expectedHistogram(String sample) {
        double[] yields = expected.get(sample);
        if (yields == null) {
            throw new IllegalArgumentException("CmsHzz4lResult: no expected sample '" + sample
                    + "'; samples are " + expected.keySet());
        }
        return YieldHistograms.withContents(m4l, yields, new double[yields.length]);
    }

    private static Cutflow copy(Cutflow cutflow) {
        Cutflow copy = new Cutflow(cutflow.steps());
        copy.add(cutflow);
        return copy;
    }
}
