package org.hepbridge.analysis.atlas;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hepbridge.analysis.Cutflow;
import org.hepbridge.hist.Histogram;

/**
 * What one {@link HzzAnalysis#run} produced. Immutable apart from the histograms, which the
 * caller may scale or add but should copy first if the result is shared.
 *
 * @param inputs one entry per input file, in the order read
 * @param histograms m4l for every binning, variation and channel
 * @param selectedEvents the events passing the nominal selection, in input order
 * @param m4lByVariation m4l in GeV of the events each variation selects (the nominal first),
 *     in input order; the same events its histograms hold. Arrays are copied on access.
 * @param calibrationFile the calibration constants used
 * @param elapsed wall-clock time of the run
 */
public record HzzResult(Hzz4lSelection selection, List<Input> inputs, Cutflow cutflow,
        List<NamedHistogram> histograms, List<SelectedEvent> selectedEvents,
        Map<String, double[]> m4lByVariation, Path calibrationFile, Duration elapsed) {

    /** Channel name of the histograms summed over channels. */
    public static final String ALL_CHANNELS = "all";
    /** Channels, the sum first. */
    public static final List<String> CHANNELS = List.of(ALL_CHANNELS, "4e", "4mu", "2e2mu");

    public HzzResult {
        inputs = List.copyOf(inputs);
        histograms = List.copyOf(histograms);
        selectedEvents = List.copyOf(selectedEvents);
        m4lByVariation = copy(m4lByVariation);
    }

    /**
     * A result without per-variation masses (as before they were recorded): only the nominal
     * ones, taken from {@code selectedEvents}.
     */
    public HzzResult(Hzz4lSelection selection, List<Input> inputs, Cutflow cutflow,
            List<NamedHistogram> histograms, List<SelectedEvent> selectedEvents,
            Path calibrationFile, Duration elapsed) {
        this(selection, inputs, cutflow, histograms, selectedEvents, Map.of(HzzAnalysis.NOMINAL,
                selectedEvents.stream().mapToDouble(SelectedEvent::m4l).toArray()),
                calibrationFile, elapsed);
    }

    @Override
    public Map<String, double[]> m4lByVariation() {
        return copy(m4lByVariation);
    }

    /**
     * m4l in GeV of every event the given variation selects, in input order.
     *
     * @throws IllegalArgumentException for a variation the run did not compute, listing those
     *     it did
     */
    public double[] m4l(String variation) {
        double[] values = m4lByVariation.get(variation);
        if (values == null) {
            throw new IllegalArgumentException("HzzResult: no m4l values for variation '"
                    + variation + "'; variations: " + m4lByVariation.keySet());
        }
        return values.clone();
    }

    private static Map<String, double[]> copy(Map<String, double[]> byVariation) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        byVariation.forEach((variation, values) -> copy.put(variation, values.clone()));
        return Collections.unmodifiableMap(copy);
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
