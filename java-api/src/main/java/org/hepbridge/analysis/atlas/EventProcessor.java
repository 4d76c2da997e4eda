package org.hepbridge.analysis.atlas;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hepbridge.analysis.Cutflow;
import org.hepbridge.analysis.FourLeptonResolution;
import org.hepbridge.hist.Histogram;
import org.hepbridge.legacy.CalibrationTool;
import org.hepbridge.legacy.Channel;
import org.hepbridge.legacy.EventCut;
import org.hepbridge.legacy.FourLeptonCandidateBuilder;
import org.hepbridge.legacy.LeptonSelectionTool;

/**
 * Runs the legacy tools over batches and accumulates the cutflow, the m4l histograms of every
 * variation and the nominal selected events. Not thread-safe: one per {@link HzzAnalysis#run}.
 */
final class EventProcessor {
    private static final double MEV_PER_GEV = 1000.0;

    private final Hzz4lSelection selection;
    private final CalibrationTool electrons;
    private final CalibrationTool muons;
    private final LeptonSelectionTool leptonSelection;
    private final FourLeptonCandidateBuilder candidates;
    private final List<String> variations;
    private final List<String> electronVariations;
    private final List<String> muonVariations;
    private final Cutflow cutflow;
    private final Map<String, Histogram> histograms = new LinkedHashMap<>();
    private final Map<String, DoubleList> m4lByVariation = new LinkedHashMap<>();
    private final List<SelectedEvent> selectedEvents = new ArrayList<>();

    EventProcessor(Hzz4lSelection selection, CalibrationTool electrons, CalibrationTool muons,
            LeptonSelectionTool leptonSelection, FourLeptonCandidateBuilder candidates,
            List<String> variations) {
        this.selection = selection;
        this.electrons = electrons;
        this.muons = muons;
        this.leptonSelection = leptonSelection;
        this.candidates = candidates;
        this.variations = variations;
        this.electronVariations = electrons.variations();
        this.muonVariations = muons.variations();
        this.cutflow = new Cutflow(selection.cutflowSteps());
        for (String variation : variations) {
            m4lByVariation.put(variation, new DoubleList());
        }
        for (M4lBinning binning : M4lBinning.values()) {
            for (String variation : variations) {
                for (String channel : HzzResult.CHANNELS) {
                    histograms.put(HzzResult.histogramKey(binning, variation, channel),
                            binning.newHistogram());
                }
            }
        }
    }

    Cutflow cutflow() {
        return cutflow;
    }

    List<HzzResult.NamedHistogram> histograms() {
        List<HzzResult.NamedHistogram> named = new ArrayList<>();
        for (M4lBinning binning : M4lBinning.values()) {
            for (String variation : variations) {
                for (String channel : HzzResult.CHANNELS) {
                    named.add(new HzzResult.NamedHistogram(binning, variation, channel,
                            histograms.get(HzzResult.histogramKey(binning, variation, channel))));
                }
            }
        }
        return named;
    }

    List<SelectedEvent> selectedEvents() {
        return List.copyOf(selectedEvents);
    }

    /** m4l in GeV of the events each variation selects, in input order. */
    Map<String, double[]> m4lByVariation() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        m4lByVariation.forEach((variation, list) -> copy.put(variation, list.toArray()));
        return copy;
    }

    /** Registers an input so that it appears in the cutflow even if it has no events. */
    void startInput(String input) {
        cutflow.increment(input, 0, 0);
    }

    void process(String input, LeptonBatch batch, Arena arena) {
        if (batch.events == 0) {
            return;
        }
        Outputs out = new Outputs(arena, batch.events, batch.leptons);
        for (String variation : variations) {
            runTools(batch, variation, out);
            boolean nominal = variation.equals(HzzAnalysis.NOMINAL);
            for (int i = 0; i < batch.events; i++) {
                int passed = stepsPassed(batch, out, i);
                if (nominal) {
                    for (int step = 0; step < passed; step++) {
                        cutflow.increment(input, step, 1);
                    }
                }
                if (passed == cutflow.steps().size()) {
                    fill(variation, out, i);
                    if (nominal) {
                        selectedEvents.add(selectedEvent(input, batch, out, i));
                    }
                }
            }
        }
    }

    /** Calibrates (one variation), selects leptons and builds candidates for the whole batch. */
    private void runTools(LeptonBatch b, String variation, Outputs out) {
        if (b.leptons == 0) {
            out.eventMask.fill((byte) 0xff);
            return;
        }
        // A variation belongs to one tool; the other tool applies its nominal meanwhile.
        String electronVariation = electronVariations.contains(variation) ? variation
                : HzzAnalysis.NOMINAL;
        String muonVariation = muonVariations.contains(variation) ? variation
                : HzzAnalysis.NOMINAL;
        electrons.calibrate(electronVariation, b.events, b.offsets, b.eventNumber, b.type, b.pt,
                b.eta, b.energy, out.pt, out.energy);
        muons.calibrate(muonVariation, b.events, b.offsets, b.eventNumber, b.type, out.pt, b.eta,
                out.energy, out.pt, out.energy);
        MemorySegment usable = MemorySegment.NULL;
        if (selection.goodLeptonsOnly()) {
            leptonSelection.select(b.leptons, b.type, out.pt, b.eta, b.ptcone30, b.etcone20, b.d0,
                    b.d0Sigma, b.z0, out.leptonMask);
            usable = out.leptonMask;
        }
        candidates.build(b.events, b.offsets, b.type, b.charge, out.pt, b.eta, b.phi, out.energy,
                usable, out.eventMask, out.channel, out.m4l, out.m12, out.m34, out.leptonIndex);
    }

    /** How many cutflow steps event {@code i} passes, counting from the first. */
    private int stepsPassed(LeptonBatch batch, Outputs out, int i) {
        int mask = out.eventMask.getAtIndex(ValueLayout.JAVA_INT, i);
        int passed = 1;
        if (selection.requireTrigger()) {
            if (!batch.triggered(i)) {
                return passed;
            }
            passed++;
        }
        if ((mask & (EventCut.TOO_FEW_LEPTONS.bit() | EventCut.TOO_MANY_LEPTONS.bit())) != 0) {
            return passed;
        }
        passed++;
        if (!selection.leadingLeptonMinPtGeV().isEmpty()) {
            if ((mask & EventCut.LEPTON_PT.bit()) != 0) {
                return passed;
            }
            passed++;
        }
        if ((mask & EventCut.CHARGE.bit()) != 0) {
            return passed;
        }
        passed++;
        if ((mask & EventCut.FLAVOUR.bit()) != 0) {
            return passed;
        }
        return passed + 1;
    }

    private void fill(String variation, Outputs out, int i) {
        double m4l = out.m4l.getAtIndex(ValueLayout.JAVA_DOUBLE, i) / MEV_PER_GEV;
        m4lByVariation.get(variation).add(m4l);
        String channel = channelName(out.channel.getAtIndex(ValueLayout.JAVA_INT, i));
        for (M4lBinning binning : M4lBinning.values()) {
            histograms.get(HzzResult.histogramKey(binning, variation, channel)).fill(m4l);
            histograms.get(HzzResult.histogramKey(binning, variation, HzzResult.ALL_CHANNELS))
                    .fill(m4l);
        }
    }

    private SelectedEvent selectedEvent(String input, LeptonBatch b, Outputs out, int i) {
        int first = b.offset(i);
        double[][] p4 = new double[4][];
        int[] types = new int[4];
        SelectedEvent.Lepton[] leptons = new SelectedEvent.Lepton[4];
        for (int k = 0; k < 4; k++) {
            int lepton = first + out.leptonIndex.getAtIndex(ValueLayout.JAVA_INT, 4L * i + k);
            double pt = out.pt.getAtIndex(ValueLayout.JAVA_FLOAT, lepton) / MEV_PER_GEV;
            double eta = b.eta.getAtIndex(ValueLayout.JAVA_FLOAT, lepton);
            double phi = b.phi.getAtIndex(ValueLayout.JAVA_FLOAT, lepton);
            double energy = out.energy.getAtIndex(ValueLayout.JAVA_FLOAT, lepton) / MEV_PER_GEV;
            types[k] = b.type.getAtIndex(ValueLayout.JAVA_INT, lepton);
            int charge = b.charge.getAtIndex(ValueLayout.JAVA_INT, lepton);
            leptons[k] = new SelectedEvent.Lepton(pt, eta, phi, energy, charge, types[k]);
            p4[k] = new double[] {pt * Math.cos(phi), pt * Math.sin(phi), pt * Math.sinh(eta),
                energy};
        }
        double m4l = out.m4l.getAtIndex(ValueLayout.JAVA_DOUBLE, i) / MEV_PER_GEV;
        return new SelectedEvent(input, b.runNumber.getAtIndex(ValueLayout.JAVA_INT, i),
                Integer.toUnsignedLong(b.eventNumber.getAtIndex(ValueLayout.JAVA_INT, i)),
                channelName(out.channel.getAtIndex(ValueLayout.JAVA_INT, i)), m4l,
                out.m12.getAtIndex(ValueLayout.JAVA_DOUBLE, i) / MEV_PER_GEV,
                out.m34.getAtIndex(ValueLayout.JAVA_DOUBLE, i) / MEV_PER_GEV,
                m4l * FourLeptonResolution.relativeMassResolution(p4, types), List.of(leptons));
    }

    static String channelName(int code) {
        return switch (Channel.of(code)) {
            case FOUR_E -> "4e";
            case FOUR_MU -> "4mu";
            case TWO_E_TWO_MU -> "2e2mu";
            case NONE -> "none";
        };
    }

    /** A growable array of doubles (avoids boxing every selected mass). */
    private static final class DoubleList {
        private double[] values = new double[64];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** Native buffers the tools write, allocated once per batch and reused per variation. */
    private static final class Outputs {
        final MemorySegment pt;
        final MemorySegment energy;
        final MemorySegment leptonMask;
        final MemorySegment eventMask;
        final MemorySegment channel;
        final MemorySegment m4l;
        final MemorySegment m12;
        final MemorySegment m34;
        final MemorySegment leptonIndex;

        Outputs(Arena arena, int events, long leptons) {
            long perLepton = Math.max(1, leptons);
            pt = arena.allocate(ValueLayout.JAVA_FLOAT, perLepton);
            energy = arena.allocate(ValueLayout.JAVA_FLOAT, perLepton);
            leptonMask = arena.allocate(ValueLayout.JAVA_INT, perLepton);
            eventMask = arena.allocate(ValueLayout.JAVA_INT, events);
            channel = arena.allocate(ValueLayout.JAVA_INT, events);
            m4l = arena.allocate(ValueLayout.JAVA_DOUBLE, events);
            m12 = arena.allocate(ValueLayout.JAVA_DOUBLE, events);
            m34 = arena.allocate(ValueLayout.JAVA_DOUBLE, events);
            leptonIndex = arena.allocate(ValueLayout.JAVA_INT, 4L * events);
        }
    }
}
