package org.hepbridge.bench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hepbridge.bench.NativeBuild;
import org.hepbridge.bench.dump.ColumnDump;
import org.hepbridge.bench.hzz.AnalysisPath;
import org.hepbridge.bench.hzz.AnalysisPaths;
import org.hepbridge.bench.hzz.CppAnalysisProgram;
import org.hepbridge.bench.hzz.Hzz4lCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hepbridge-bench check}: runs the pure C++ program and every Java path over the same
 * replicated events and compares all 936 counts, before anything is timed.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check, count by count, that every Java path gives the histograms of the"
                + " pure C++ program; exit 1 at the first difference.")
public final class CheckCommand implements Callable<Integer> {
    @Option(names = "--dump", paramLabel = "FILE", required = true,
            description = "the column dump (hepbridge-bench dump)")
    private Path dumpFile;

    @Option(names = "--events", split = ",", defaultValue = "832,10000",
            description = "replicated event counts to check (default: ${DEFAULT-VALUE})")
    private List<Long> events;

    @Option(names = "--batch", split = ",", defaultValue = "1,7,1000,100000",
            description = "batch sizes of the batched path (default: ${DEFAULT-VALUE})")
    private List<Integer> batches;

    @Override
    public Integer call() throws Exception {
        List<String> failures = new ArrayList<>();
        try (ColumnDump dump = ColumnDump.read(dumpFile)) {
            for (long n : events) {
                check(dump, n, failures);
            }
        }
        if (!failures.isEmpty()) {
            failures.forEach(System.err::println);
            return 1;
        }
        System.out.println("check: every path agrees with the pure C++ program on every count");
        return 0;
    }

    private void check(ColumnDump dump, long n, List<String> failures) throws Exception {
        Hzz4lCounts reference = CppAnalysisProgram.run(dumpFile, n).counts();
        if (dump.events() > 0) {
            Hzz4lCounts identity = CppAnalysisProgram.run(dumpFile, n % dump.events()).counts()
                    .add(CppAnalysisProgram.run(dumpFile, dump.events()).counts(),
                            n / dump.events());
            compare("C++ replication identity", n, identity, reference, failures);
        }
        for (String name : AnalysisPaths.NAMES) {
            List<Integer> sizes = name.equals("batched") ? batches : List.of(1);
            for (int batch : sizes) {
                try (AnalysisPath path = AnalysisPaths.open(name, dump,
                        NativeBuild.calibrationFile(), batch)) {
                    String label = name + (name.equals("batched") ? " batch " + batch : "");
                    compare(label, n, path.run(n), reference, failures);
                }
            }
        }
    }

    private static void compare(String label, long n, Hzz4lCounts actual, Hzz4lCounts expected,
            List<String> failures) {
        String difference = expected.firstDifference(actual);
        String line = String.format("check %,d events, %s: %s", n, label,
                difference == null ? "identical (" + actual.selected(0) + " nominal selected)"
                        : "DIFFERS at " + difference + " (C++ vs Java)");
        System.out.println(line);
        if (difference != null) {
            failures.add(line);
        }
    }
}
