package org.hepbridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.hepbridge.analysis.ProgressListener;
import org.hepbridge.analysis.atlas.HzzAnalysis;
import org.hepbridge.analysis.atlas.HzzResult;
import org.hepbridge.analysis.atlas.M4lBinning;
import org.hepbridge.bench.dump.ColumnDump;
import org.hepbridge.bench.hzz.AnalysisPath;
import org.hepbridge.bench.hzz.AnalysisPaths;
import org.hepbridge.bench.hzz.CppAnalysisProgram;
import org.hepbridge.bench.hzz.Hzz4lCounts;
import org.junit.jupiter.api.Test;

/**
 * The smoke run of the benchmark analysis: the three Java paths and the pure C++ program give
 * the same 936 counts on a small replicated sample, and the C++ program agrees with
 * hepbridge's own analysis (HzzAnalysis, itself checked against uproot) on the real events.
 */
class PathsAgreeTest {
    /** Two copies of the 832 events and part of a third: replication wraps mid-stream. */
    private static final long EVENTS = 2000;

    @Test
    void everyJavaPathGivesTheCppCounts() throws Exception {
        Path dumpFile = SmokeData.dump();
        Hzz4lCounts cpp = CppAnalysisProgram.run(dumpFile, EVENTS).counts();
        try (ColumnDump dump = ColumnDump.read(dumpFile)) {
            for (String name : AnalysisPaths.NAMES) {
                for (int batch : name.equals("batched") ? List.of(1, 7, 1000, 5000) : List.of(1)) {
                    try (AnalysisPath path = AnalysisPaths.open(name, dump,
                            NativeBuild.calibrationFile(), batch)) {
                        assertNull(cpp.firstDifference(path.run(EVENTS)),
                                name + " (batch " + batch + ") vs C++");
                    }
                }
            }
        }
    }

    @Test
    void replicationAddsWholeCopies() throws Exception {
        // 2000 = 2 * 832 + 336: the counts of two full copies plus those of the first 336.
        Path dumpFile = SmokeData.dump();
        Hzz4lCounts expected = CppAnalysisProgram.run(dumpFile, 336).counts()
                .add(CppAnalysisProgram.run(dumpFile, 832).counts(), 2);
        assertNull(expected.firstDifference(CppAnalysisProgram.run(dumpFile, EVENTS).counts()));
    }

    @Test
    void cppProgramAgreesWithHepbridgesAnalysisOnTheRealEvents() throws Exception {
        Hzz4lCounts cpp = CppAnalysisProgram.run(SmokeData.dump(), 832).counts();
        HzzResult reference;
        try (BufferAllocator allocator = new RootAllocator()) {
            reference = HzzAnalysis.builder().build().run(SmokeData.dataFiles(), allocator,
                    ProgressListener.NONE);
        }
        assertEquals(Hzz4lCounts.VARIATIONS, reference.variations());
        List<String> channels = List.of("4e", "4mu", "2e2mu");
        for (int v = 0; v < Hzz4lCounts.VARIATIONS.size(); v++) {
            for (int h = 0; h < channels.size(); h++) {
                double[] bins = reference.histogram(M4lBinning.NARROW,
                        Hzz4lCounts.VARIATIONS.get(v), channels.get(h)).values();
                for (int bin = 0; bin < Hzz4lCounts.BINS; bin++) {
                    assertEquals(bins[bin], cpp.get(v, h, bin + 1), Hzz4lCounts.VARIATIONS.get(v)
                            + " " + channels.get(h) + " bin " + bin);
                }
            }
        }
        // The nominal selection keeps the same events (their m(Z1) entries, flow included).
        assertEquals(reference.selectedEvents().size(), cpp.selected(0));
    }
}
