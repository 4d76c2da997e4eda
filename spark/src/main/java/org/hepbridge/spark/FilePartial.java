package org.hepbridge.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hepbridge.analysis.Cutflow;
import org.hepbridge.analysis.atlas.HzzResult;
import org.hepbridge.analysis.atlas.M4lBinning;
import org.hepbridge.analysis.atlas.SelectedEvent;
import org.hepbridge.hist.Histogram;

/**
 * What one Spark task sends back to the driver for one input file: the {@link HzzResult} of
 * that file in plain serializable values (cutflow counts, histograms as UHI JSON, the selected
 * events and the m4l values of every variation). Immutable in practice: nothing modifies the
 * arrays after construction.
 *
 * @param input the file's summary; its path is the one the task read, on the task's host
 * @param steps the cutflow step names
 * @param counts events passing each step, cumulatively
 * @param histograms every histogram of the file's result, in its order
 * @param events the events passing the nominal selection, in file order
 * @param m4lByVariation m4l in GeV of the events each variation selects, the nominal first
 */
record FilePartial(InputPart input, List<String> steps, long[] counts,
        List<HistogramPart> histograms, List<EventPart> events,
        LinkedHashMap<String, double[]> m4lByVariation) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@link HzzResult.Input} without the {@link Path}, which is not serializable. */
    record InputPart(String path, String name, String sha256, long bytes, long entries,
            long entriesRead, long selected) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** One histogram, its contents as UHI JSON (weighted storage, flow bins included). */
    record HistogramPart(String binning, String variation, String channel, String uhiJson)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A {@link SelectedEvent}; its four leptons as parallel arrays. */
    record EventPart(String input, int runNumber, long eventNumber, String channel, double m4l,
            double m12, double m34, double m4lResolution, double[] pt, double[] eta,
            double[] phi, double[] energy, int[] charge, int[] type) implements Serializable {
        private static final long serialVersionUID = 1L;

        static EventPart of(SelectedEvent e) {
            List<SelectedEvent.Lepton> l = e.leptons();
            return new EventPart(e.input(), e.runNumber(), e.eventNumber(), e.channel(), e.m4l(),
                    e.m12(), e.m34(), e.m4lResolution(),
                    l.stream().mapToDouble(SelectedEvent.Lepton::pt).toArray(),
                    l.stream().mapToDouble(SelectedEvent.Lepton::eta).toArray(),
                    l.stream().mapToDouble(SelectedEvent.Lepton::phi).toArray(),
                    l.stream().mapToDouble(SelectedEvent.Lepton::energy).toArray(),
                    l.stream().mapToInt(SelectedEvent.Lepton::charge).toArray(),
                    l.stream().mapToInt(SelectedEvent.Lepton::type).toArray());
        }

        SelectedEvent toEvent() {
            List<SelectedEvent.Lepton> leptons = new ArrayList<>();
            for (int i = 0; i < pt.length; i++) {
                leptons.add(new SelectedEvent.Lepton(pt[i], eta[i], phi[i], energy[i], charge[i],
                        type[i]));
            }
            return new SelectedEvent(input, runNumber, eventNumber, channel, m4l, m12, m34,
                    m4lResolution, List.copyOf(leptons));
        }
    }

    /** The partial of a result computed on exactly one input file. */
    static FilePartial of(HzzResult result) {
        if (result.inputs().size() != 1) {
            throw new IllegalArgumentException("FilePartial: expected the result of one input"
                    + " file, got " + result.inputs().size() + " inputs");
        }
        HzzResult.Input in = result.inputs().getFirst();
        InputPart input = new InputPart(in.path().toString(), in.name(), in.sha256(),
                in.bytes(), in.entries(), in.entriesRead(), in.selected());
        List<HistogramPart> histograms = result.histograms().stream()
                .map(h -> new HistogramPart(h.binning().name(), h.variation(), h.channel(),
                        h.histogram().toUhiJson()))
                .toList();
        return new FilePartial(input, result.cutflow().steps(),
                result.cutflow().counts(in.name()), histograms,
                result.selectedEvents().stream().map(EventPart::of).toList(),
                new LinkedHashMap<>(result.m4lByVariation()));
    }

    /** This file's summary, with {@code path} as seen by the task. */
    HzzResult.Input toInput() {
        return new HzzResult.Input(Path.of(input.path()), input.name(), input.sha256(),
                input.bytes(), input.entries(), input.entriesRead(), input.selected());
    }

    /** Adds this file's counts, under its name, to {@code cutflow}. */
    void addCutflowTo(Cutflow cutflow) {
        Cutflow own = new Cutflow(steps);
        for (int step = 0; step < counts.length; step++) {
            own.increment(input.name(), step, counts[step]);
        }
        cutflow.add(own);
    }

    /** The histograms, decoded. */
    List<HzzResult.NamedHistogram> namedHistograms() {
        return histograms.stream()
                .map(h -> new HzzResult.NamedHistogram(M4lBinning.valueOf(h.binning()),
                        h.variation(), h.channel(), Histogram.fromUhiJson(h.uhiJson())))
                .toList();
    }

    /** m4l values per variation; the arrays are this partial's own, not copies. */
    Map<String, double[]> m4l() {
        return m4lByVariation;
    }
}
