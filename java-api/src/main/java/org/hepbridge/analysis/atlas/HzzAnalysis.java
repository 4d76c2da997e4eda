package org.hepbridge.analysis.atlas;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.hepbridge.analysis.ProgressListener;
import org.hepbridge.data.Checksums;
import org.hepbridge.legacy.CalibrationFiles;
import org.hepbridge.legacy.CalibrationTool;
import org.hepbridge.legacy.FourLeptonCandidateBuilder;
import org.hepbridge.legacy.LeptonSelectionTool;
import org.hepbridge.root.RootFile;
import org.hepbridge.root.RootIOException;
import org.hepbridge.root.TTree;

/**
 * The simplified ATLAS H->ZZ*->4l analysis on the 2020 open-data {@code 4lep} ntuples.
 *
 * <p>For each input file the tree {@code mini} is read in batches of events straight into Arrow
 * vectors; each batch is handed, without copies, to the legacy C++ tools: the electron and muon
 * calibration tools (once per systematic variation), the lepton selection tool and the
 * four-lepton candidate builder. Java then keeps the cutflow, the selected events and the m4l
 * histograms of every variation. Fitting and plotting happen on the {@link HzzResult}.
 *
 * <p>An instance holds only configuration; {@link #run} creates and frees its own native tools
 * and may be called from several threads at once.
 */
public final class HzzAnalysis {
    /** The branches the analysis reads; nothing else is decoded. */
    public static final List<String> BRANCHES = List.of("runNumber", "eventNumber", "trigE",
            "trigM", "lep_pt", "lep_eta", "lep_phi", "lep_E", "lep_charge", "lep_type",
            "lep_ptcone30", "lep_etcone20", "lep_trackd0pvunbiased",
            "lep_tracksigd0pvunbiased", "lep_z0");

    /** Name of the nominal (no systematic shift) variation in results. */
    public static final String NOMINAL = "NOMINAL";

    private final Hzz4lSelection selection;
    private final boolean withVariations;
    private final int batchSize;
    private final Path calibrationFile;

    private HzzAnalysis(Builder builder) {
        this.selection = builder.selection;
        this.withVariations = builder.withVariations;
        this.batchSize = builder.batchSize;
        this.calibrationFile = builder.calibrationFile;
    }

    /** A builder with the defaults: selection "c", all calibration variations. */
    public static Builder builder() {
        return new Builder();
    }

    public Hzz4lSelection selection() {
        return selection;
    }

    /**
     * Runs the selection over {@code inputs} (ROOT files with the tree {@code mini}).
     *
     * @param allocator where the Arrow vectors of each batch live; they are released before
     *     this returns, so the allocator's total is unchanged
     * @throws RootIOException if a file cannot be read, naming file, object and offset
     */
    public HzzResult run(List<Path> inputs, BufferAllocator allocator, ProgressListener progress)
            throws IOException {
        long started = System.nanoTime();
        Path calibration = calibrationFile != null ? calibrationFile
                : CalibrationFiles.defaultFile();
        try (CalibrationTool electrons = CalibrationTool.electrons("ElectronCalibration");
                CalibrationTool muons = CalibrationTool.muons("MuonCalibration");
                LeptonSelectionTool leptonSelection = LeptonSelectionTool.create("LeptonSelection");
                FourLeptonCandidateBuilder candidates =
                        FourLeptonCandidateBuilder.create("FourLeptonCandidates")) {
            electrons.setProperty("CalibrationFile", calibration.toString()).initialize();
            muons.setProperty("CalibrationFile", calibration.toString()).initialize();
            leptonSelection.initialize();
            candidates.setProperty("RequireExactlyFour",
                            Boolean.toString(selection.goodLeptonsOnly()))
                    .setProperty("LeadingLeptonMinPt", selection.leadingLeptonMinPtMeVProperty())
                    .initialize();

            List<String> variations = variationNames(electrons, muons);
            EventProcessor processor = new EventProcessor(selection, electrons, muons,
                    leptonSelection, candidates, variations);
            List<HzzResult.Input> inputSummaries = new ArrayList<>();
            for (Path input : inputs) {
                inputSummaries.add(processInput(input, allocator, processor, progress));
            }
            return new HzzResult(selection, inputSummaries, processor.cutflow(),
                    processor.histograms(), processor.selectedEvents(),
                    processor.m4lByVariation(), calibration,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private List<String> variationNames(CalibrationTool electrons, CalibrationTool muons) {
        Set<String> names = new LinkedHashSet<>();
        names.add(NOMINAL);
        if (withVariations) {
            names.addAll(electrons.variations());
            names.addAll(muons.variations());
        }
        return List.copyOf(names);
    }

    private HzzResult.Input processInput(Path input, BufferAllocator allocator,
            EventProcessor processor, ProgressListener progress) throws IOException {
        String sha256 = Checksums.sha256(input);
        try (RootFile file = RootFile.open(input)) {
            TTree tree = file.tree(AtlasOpenData2020.TREE);
            long entries = tree.entries();
            progress.inputStarted(input, entries);
            String label = input.getFileName().toString();
            processor.startInput(label);
            long done = 0;
            while (done < entries) {
                long stop = Math.min(entries, done + batchSize);
                try (VectorSchemaRoot batch = tree.read(allocator, BRANCHES, done, stop);
                        Arena arena = Arena.ofConfined()) {
                    processor.process(label, new LeptonBatch(batch), arena);
                }
                done = stop;
                progress.progress(input, done, entries);
            }
            long selected = processor.cutflow().selected(label);
            progress.inputFinished(input, entries, selected);
            return new HzzResult.Input(input, label, sha256, Files.size(input),
                    entries, done, selected);
        }
    }

    /** Configures an {@link HzzAnalysis}; every option is checked where it is set. */
    public static final class Builder {
        private Hzz4lSelection selection = Hzz4lSelection.C;
        private boolean withVariations = true;
        private int batchSize = 100_000;
        private Path calibrationFile;

        private Builder() {
        }

        /** The event selection (default: {@link Hzz4lSelection#C}). */
        public Builder selection(Hzz4lSelection selection) {
            this.selection = Objects.requireNonNull(selection, "selection");
            return this;
        }

        /** Whether to run every calibration variation besides the nominal (default true). */
        public Builder withVariations(boolean withVariations) {
            this.withVariations = withVariations;
            return this;
        }

        /** Events per batch handed to the native tools (default 100000). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, got "
                        + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** The calibration constants file (default: the one shipped with the tools). */
        public Builder calibrationFile(Path calibrationFile) {
            this.calibrationFile = Objects.requireNonNull(calibrationFile, "calibrationFile");
            return this;
        }

        public HzzAnalysis build() {
            return new HzzAnalysis(this);
        }
    }
}
