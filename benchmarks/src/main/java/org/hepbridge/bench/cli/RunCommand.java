package org.hepbridge.bench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.hepbridge.bench.NativeBuild;
import org.hepbridge.bench.ProcessCpuClock;
import org.hepbridge.bench.dump.ColumnDump;
import org.hepbridge.bench.hzz.AnalysisPath;
import org.hepbridge.bench.hzz.AnalysisPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hepbridge-bench run}: Java paths run in turn, repeatedly, with wall and CPU time per
 * run; the program to put under a profiler (perf, JFR), without JMH's forks in the way. With
 * several paths the runs alternate, so that the paths share the machine's load, and the
 * fastest CPU time of each path is printed at the end.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one Java path repeatedly and print each run's wall and CPU time"
                + " (for profiling; benchmarks/run measures with JMH).")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--dump", paramLabel = "FILE", required = true,
            description = "the column dump (hepbridge-bench dump)")
    private Path dumpFile;

    @Option(names = "--path", required = true, split = ",",
            description = "naive, batched or cpp-ffm; a comma list alternates them")
    private List<String> paths;

    @Option(names = "--events", defaultValue = "100000",
            description = "replicated events per run (default: ${DEFAULT-VALUE})")
    private long events;

    @Option(names = "--batch", defaultValue = "1000", split = ",",
            description = "batch sizes of the batched path, each a path of its own"
                    + " (default: ${DEFAULT-VALUE})")
    private List<Integer> batches;

    @Option(names = "--repeat", defaultValue = "5",
            description = "number of runs (default: ${DEFAULT-VALUE})")
    private int repeat;

    @Override
    public Integer call() throws Exception {
        List<AnalysisPath> opened = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try (ColumnDump dump = ColumnDump.read(dumpFile)) {
            for (String path : paths) {
                for (int batch : path.equals("batched") ? batches : List.of(1)) {
                    opened.add(AnalysisPaths.open(path, dump, NativeBuild.calibrationFile(),
                            batch));
                    labels.add(path.equals("batched") ? path + "/" + batch : path);
                }
            }
            double[] fastest = new double[opened.size()];
            Arrays.fill(fastest, Double.POSITIVE_INFINITY);
            for (int r = 0; r < repeat; r++) {
                for (int p = 0; p < opened.size(); p++) {
                    fastest[p] = Math.min(fastest[p], timedRun(r, labels.get(p),
                            opened.get(p)));
                }
            }
            for (int p = 0; p < opened.size(); p++) {
                System.out.printf("fastest: %s %,d events: cpu %.1f ms%n", labels.get(p), events,
                        fastest[p]);
            }
        } finally {
            opened.forEach(AnalysisPath::close);
        }
        return 0;
    }

    private double timedRun(int r, String label, AnalysisPath analysis) {
        long cpu = ProcessCpuClock.nanos();
        long wall = System.nanoTime();
        long selected = analysis.run(events).selected(0);
        double cpuMillis = (ProcessCpuClock.nanos() - cpu) / 1e6;
        System.out.printf("run %d: %s %,d events: wall %.1f ms, cpu %.1f ms, %d nominal"
                + " selected%n", r, label, events, (System.nanoTime() - wall) / 1e6,
                cpuMillis, selected);
        return cpuMillis;
    }
}
