package org.hepbridge.analysis.cms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.hepbridge.analysis.Cutflow;
import org.hepbridge.analysis.ProgressListener;
import org.hepbridge.data.Checksums;
import org.hepbridge.data.DataLocator;
import org.hepbridge.hist.Histogram;
import org.hepbridge.stats.BinnedFit;
import org.hepbridge.stats.BinnedModel;
import org.hepbridge.stats.Channel;
import org.hepbridge.stats.Sample;

/**
 * The CMS 2011-2012 H to ZZ to 4 leptons education analysis: the m4l spectrum of the 278
 * candidates of the six 4-lepton CSVs, in 37 bins of 3 GeV from 70 to 181 GeV, fitted with the
 * expected ZZ, Z+X and ttbar backgrounds and a 125 GeV Higgs signal scaled by mu.
 *
 * <p>Stateless and thread-safe; each run allocates its own Arrow memory and frees it before
 * returning. The model has no systematic uncertainties, like the notebook it follows.
 */
public final class CmsHzz4lAnalysis {

    /** Folder of the inputs inside the data folder. */
    public static final String FOLDER = "cms-opendata-education";
    /** The 4-lepton candidate files, 2011 (7 TeV) then 2012 (8 TeV). */
    public static final List<String> DATA_FILES = List.of("4mu_2011.csv", "4e_2011.csv",
            "2e2mu_2011.csv", "4mu_2012.csv", "4e_2012.csv", "2e2mu_2012.csv");
    /** Expected yields per bin. */
    public static final String EXPECTED_FILE = "expected_m4l_2011_2012.csv";
    public static final int BINS = 37;
    public static final double M4L_LOW = 70;
    public static final double M4L_HIGH = 181;
    /** Steps of the cutflow: every candidate of a file, then those inside the fitted range. */
    public static final List<String> CUTFLOW_STEPS = List.of("4-lepton candidates (CSV rows)",
            "m4l in [70, 181) GeV");
    /** Name of the channel in the binned model. */
    public static final String CHANNEL = "m4l";
    /** The sample scaled by the signal strength. */
    public static final String SIGNAL = "h125";

    private CmsHzz4lAnalysis() {
    }

    /**
     * Run on the data folder (the one holding {@value #FOLDER}).
     *
     * @throws org.hepbridge.data.DataNotFoundException when an input file is missing
     * @throws CsvFormatException when an input file has the wrong layout
     */
    public static CmsHzz4lResult run(Path dataDir) throws IOException {
        return run(dataDir, ProgressListener.NONE);
    }

    /**
     * Run on the data folder, reporting each candidate file to {@code progress}: its rows when
     * read, then how many of them fall inside [{@value #M4L_LOW}, {@value #M4L_HIGH}) GeV.
     *
     * @throws org.hepbridge.data.DataNotFoundException when an input file is missing
     * @throws CsvFormatException when an input file has the wrong layout
     */
    public static CmsHzz4lResult run(Path dataDir, ProgressListener progress)
            throws IOException {
        long started = System.nanoTime();
        Histogram m4l = newHistogram();
        Cutflow cutflow = new Cutflow(CUTFLOW_STEPS);
        List<CmsHzz4lResult.Input> inputs = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator()) {
            for (String name : DATA_FILES) {
                Path file = DataLocator.requireFile(dataDir, FOLDER + "/" + name);
                Candidates own = readCandidates(file, allocator, progress);
                long rows = own.rows();
                long inRange = Math.round(own.m4l().sum(false));
                cutflow.increment(name, 0, rows);
                cutflow.increment(name, 1, inRange);
                progress.inputFinished(file, rows, inRange);
                m4l.add(own.m4l());
                inputs.add(input(file, CmsHzz4lResult.Input.CANDIDATES, rows));
            }
        }
        Path expectedFile = DataLocator.requireFile(dataDir, FOLDER + "/" + EXPECTED_FILE);
        ExpectedYields expected = ExpectedYields.read(expectedFile);
        double[] edges = m4l.axis(0).edges();
        checkEdges(expectedFile, expected.edges(), edges);
        inputs.add(input(expectedFile, CmsHzz4lResult.Input.EXPECTED_YIELDS,
                expected.edges().length - 1));

        BinnedModel model = model(m4l.values(), expected);
        return new CmsHzz4lResult(inputs, cutflow, m4l, expected.samples(), BinnedFit.fit(model),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** An empty histogram with the analysis binning. */
    public static Histogram newHistogram() {
        return Histogram.regular("m4l", "m4l [GeV]", BINS, M4L_LOW, M4L_HIGH);
    }

    /** The m4l histogram of one candidate file and its number of rows. */
    private record Candidates(Histogram m4l, int rows) {
    }

    private static Candidates readCandidates(Path file, BufferAllocator allocator,
            ProgressListener progress) throws IOException {
        Histogram own = newHistogram();
        try (VectorSchemaRoot root = FourLeptonCsv.read(file, allocator)) {
            progress.inputStarted(file, root.getRowCount());
            own.fill((FieldVector) root.getVector("M"));
            return new Candidates(own, root.getRowCount());
        }
    }

    private static CmsHzz4lResult.Input input(Path file, String role, long rows)
            throws IOException {
        return new CmsHzz4lResult.Input(file, file.getFileName().toString(), role,
                Checksums.sha256(file), Files.size(file), rows);
    }

    /** The binned model: one channel, three backgrounds, the signal scaled by mu. */
    public static BinnedModel model(double[] observed, ExpectedYields expected) {
        List<Sample> samples = new ArrayList<>();
        for (Map.Entry<String, double[]> e : expected.samples().entrySet()) {
            samples.add(e.getKey().equals(SIGNAL) ? Sample.signal(e.getKey(), e.getValue())
                    : Sample.background(e.getKey(), e.getValue()));
        }
        return BinnedModel.of(List.of(new Channel(CHANNEL, observed, samples)));
    }

    private static void checkEdges(Path file, double[] got, double[] want)
            throws CsvFormatException {
        boolean same = got.length == want.length;
        for (int i = 0; same && i < got.length; i++) {
            same = Math.abs(got[i] - want[i]) < 1e-9;
        }
        if (!same) {
            throw new CsvFormatException(file + ": bin edges " + Arrays.toString(got)
                    + " differ from the analysis binning " + Arrays.toString(want));
        }
    }
}
