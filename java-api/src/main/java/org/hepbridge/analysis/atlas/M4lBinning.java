package org.hepbridge.analysis.atlas;

import org.hepbridge.hist.Histogram;

/** The two m4l binnings the analysis fills, in GeV. */
public enum M4lBinning {
    /** 80-170 GeV in 24 bins of 3.75 GeV: the Higgs region. */
    NARROW("m4l_80_170", 24, 80.0, 170.0),
    /** 80-250 GeV in 34 bins of 5 GeV: includes the ZZ continuum. */
    WIDE("m4l_80_250", 34, 80.0, 250.0);

    private final String label;
    private final int bins;
    private final double low;
    private final double high;

    M4lBinning(String label, int bins, double low, double high) {
        this.label = label;
        this.bins = bins;
        this.low = low;
        this.high = high;
    }

    /** Name used in outputs, e.g. {@code m4l_80_170}. */
    public String label() {
        return label;
    }

    public int bins() {
        return bins;
    }

    public double low() {
        return low;
    }

    public double high() {
        return high;
    }

    public double binWidth() {
        return (high - low) / bins;
    }

    /** A new, empty histogram with this binning. */
    public Histogram newHistogram() {
        return Histogram.regular("m4l", bins, low, high);
    }
}
