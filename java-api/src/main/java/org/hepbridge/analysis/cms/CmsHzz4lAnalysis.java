package org.hepbridge.analysis.cms;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
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
        Histogram m4l = Histogram.regular("m4l", "m4l [GeV]", BINS, M4L_LOW, M4L_HIGH);
        Map<String, Integer> rows = new LinkedHashMap<>();
        try (BufferAllocator allocator = new RootAllocator()) {
            for (String name : DATA_FILES) {
                Path file = DataLocator.requireFile(dataDir, FOLDER + "/" + name);
                try (VectorSchemaRoot root = FourLeptonCsv.read(file, allocator)) {
                    rows.put(name, root.getRowCount());
                    m4l.fill((FieldVector) root.getVector("M"));
                }
            }
        }
        ExpectedYields expected = ExpectedYields.read(
                DataLocator.requireFile(dataDir, FOLDER + "/" + EXPECTED_FILE));
        double[] edges = m4l.axis(0).edges();
        checkEdges(dataDir.resolve(FOLDER + "/" + EXPECTED_FILE), expected.edges(), edges);

        double[] observed = m4l.values();
        BinnedModel model = model(observed, expected);
        int total = rows.values().stream().mapToInt(Integer::intValue).sum();
        return new CmsHzz4lResult(rows, total, edges, observed, m4l.value(-1), m4l.value(BINS),
                expected.samples(), BinnedFit.fit(model));
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
