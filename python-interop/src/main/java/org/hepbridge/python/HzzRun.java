package org.hepbridge.python;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.graalvm.polyglot.HostAccess;
import org.hepbridge.analysis.ProgressListener;
import org.hepbridge.analysis.atlas.Hzz4lSelection;
import org.hepbridge.analysis.atlas.HzzAnalysis;
import org.hepbridge.analysis.atlas.HzzFit;
import org.hepbridge.analysis.atlas.HzzResult;
import org.hepbridge.analysis.atlas.M4lBinning;

/**
 * One run of the ATLAS H->ZZ*->4l analysis ({@link HzzAnalysis}) for the Python package:
 * the cutflow as arrays, the m4l histograms, the selected events as an Arrow batch and the
 * mass fit.
 *
 * <p>Immutable after the run, apart from the histograms, which {@link HistogramView#fill} may
 * change. Holds no Arrow memory: {@link #selectedEvents()} builds a new batch on each call.
 */
public final class HzzRun {
    private final HzzResult result;
    private final BufferAllocator allocator;
    private FitView fit;

    private HzzRun(HzzResult result, BufferAllocator allocator) {
        this.result = result;
        this.allocator = allocator;
    }

    /**
     * Runs selection {@code selection} ("a", "b" or "c") over {@code files}, with or without
     * the calibration variations; the Arrow memory of the run comes from {@code allocator} and
     * is released before this returns.
     *
     * @throws IllegalArgumentException for an unknown selection (listing the known ones)
     * @throws IOException if an input cannot be read
     */
    static HzzRun run(String selection, String[] files, boolean withVariations,
            BufferAllocator allocator) throws IOException {
        HzzAnalysis analysis = HzzAnalysis.builder()
                .selection(Hzz4lSelection.byName(selection))
                .withVariations(withVariations)
                .build();
        List<Path> inputs = new ArrayList<>();
        for (String file : files) {
            inputs.add(Path.of(file));
        }
        return new HzzRun(analysis.run(inputs, allocator, ProgressListener.NONE), allocator);
    }

    /** The Java result, for Java callers. */
    public HzzResult result() {
        return result;
    }

    @HostAccess.Export
    public String selection() {
        return result.selection().name();
    }

    @HostAccess.Export
    public String selectionDescription() {
        return result.selection().description();
    }

    /** The cutflow step names, in order. */
    @HostAccess.Export
    public String[] cutflowSteps() {
        return result.cutflow().steps().toArray(String[]::new);
    }

    /** The input names (file names), in the order read. */
    @HostAccess.Export
    public String[] inputs() {
        return result.cutflow().inputs().toArray(String[]::new);
    }

    /** Events passing each step (cumulatively) in one input. */
    @HostAccess.Export
    public long[] cutflowCounts(String input) {
        return result.cutflow().counts(input);
    }

    /** Events passing each step (cumulatively), summed over inputs. */
    @HostAccess.Export
    public long[] cutflowTotal() {
        return result.cutflow().total();
    }

    /** Entries declared by each input's tree, in input order. */
    @HostAccess.Export
    public long[] entries() {
        return result.inputs().stream().mapToLong(HzzResult.Input::entries).toArray();
    }

    /** The histogram binnings: {@code m4l_80_170}, {@code m4l_80_250}. */
    @HostAccess.Export
    public String[] binnings() {
        return java.util.Arrays.stream(M4lBinning.values()).map(M4lBinning::label)
                .toArray(String[]::new);
    }

    /** The calibration variations, the nominal first. */
    @HostAccess.Export
    public String[] variations() {
        return result.variations().toArray(String[]::new);
    }

    /** The channels, the sum over channels ("all") first. */
    @HostAccess.Export
    public String[] channels() {
        return HzzResult.CHANNELS.toArray(String[]::new);
    }

    /**
     * The m4l histogram of one binning label, variation and channel.
     *
     * @throws IllegalArgumentException if there is no such histogram, listing what exists
     */
    @HostAccess.Export
    public HistogramView histogram(String binning, String variation, String channel) {
        return new HistogramView(result.histogram(binningByLabel(binning), variation, channel));
    }

    /**
     * The selected events as a new batch in the layout of {@code selected_events.arrow}; the
     * caller owns (closes) it.
     */
    @HostAccess.Export
    public Batch selectedEvents() {
        return new Batch(SelectedEventColumns.toRoot(result.selectedEvents(), allocator),
                allocator);
    }

    /** The mass fit of the nominal selected events, computed on first use. */
    @HostAccess.Export
    public FitView fit() {
        if (fit == null) {
            fit = new FitView(HzzFit.fit(result));
        }
        return fit;
    }

    private static M4lBinning binningByLabel(String label) {
        for (M4lBinning binning : M4lBinning.values()) {
            if (binning.label().equals(label)) {
                return binning;
            }
        }
        List<String> known = new ArrayList<>();
        for (M4lBinning binning : M4lBinning.values()) {
            known.add(binning.label());
        }
        throw new IllegalArgumentException("HzzRun: unknown binning '" + label + "'; known: "
                + String.join(", ", known));
    }
}
