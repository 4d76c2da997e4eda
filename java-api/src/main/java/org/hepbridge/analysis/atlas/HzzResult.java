package org.hepbridge.analysis.atlas;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hepbridge.analysis.Cutflow;
import org.hepbridge.hist.Histogram;

/**
 * What one {@link HzzAnalysis#run} produced. Immutable apart from the histograms, which the
 * caller may scale or add but should copy first if the result is shared.
 *
 * @param inputs one entry per input file, in the order read
 * @param histograms m4l for every binning, variation and channel
 * @param selectedEvents the events passing the nominal selection, in input order
 * @param calibrationFile the calibration constants used
 * @param elapsed wall-clock time of the run
 */
public record HzzResult(Hzz4lSelection selection, List<Input> inputs, Cutflow cutflow,
        List<NamedHistogram> histograms, List<SelectedEvent> selectedEvents,
        Path calibrationFile, Duration elapsed) {

    /** Channel name of the histograms summed over channels. */
    public static final String ALL_CHANNELS = "all";
    /** Channels, the sum first. */
    public static final List<String> CHANNELS = List.of(ALL_CHANNELS, "4e", "4mu", "2e2mu");

    public HzzResult {
        inputs = List.copyOf(inputs);
        histograms = List.copyOf(histograms);
        selectedEvents = List.copyOf(selectedEvents);
    }

    /**
     * One input file.
     *
     * @param entries entries the tree declares
     * @param entriesRead entries actually processed
     * @param selected entries passing the selection (nominal)
     */
    public record Input(Path path, String name, String sha256, long bytes, long entries,
            long entriesRead, long selected) {
    }

    /** A histogram of m4l with what it holds. */
    public record NamedHistogram(M4lBinning binning, String variation, String channel,
            Histogram histogram) {
    }

    /** The histogram of one binning, variation and channel. */
    public Histogram histogram(M4lBinning binning, String variation, String channel) {
        for (NamedHistogram named : histograms) {
            if (named.binning() == binning && named.variation().equals(variation)
                    && named.channel().equals(channel)) {
                return named.histogram();
            }
        }
        throw new IllegalArgumentException("no histogram " + histogramKey(binning, variation,
                channel) + "; variations: " + variations() + ", channels: " + CHANNELS);
    }

    /** The variations present, the nominal first. */
    public List<String> variations() {
        return histograms.stream().map(NamedHistogram::variation).distinct().toList();
    }

    /** m4l of every selected event, in GeV. */
    public double[] m4l() {
        return selectedEvents.stream().mapToDouble(SelectedEvent::m4l).toArray();
    }

    static String histogramKey(M4lBinning binning, String variation, String channel) {
        return binning.label() + "/" + variation + "/" + channel;
    }
}
