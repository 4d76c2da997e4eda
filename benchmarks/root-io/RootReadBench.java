import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.hepbridge.root.RootFile;
import org.hepbridge.root.TTree;

/**
 * Times hepbridge's ROOT reader: open the file, read every entry of some branches into Arrow,
 * close. Run by bench.py with the Java source launcher; prints one JSON line per case. The
 * last warm-up read also sums the first branch (when it is float64) so the caller can check
 * the values against uproot; timed reads do no such work. "cpu" is the median process CPU time
 * of a timed read (all threads: the reader, the basket pool, GC and JIT).
 *
 * <p>Usage: {@code java -cp CLASSPATH RootReadBench.java WARMUP REPEATS FILE TREE B1,B2,...}
 * (the last three repeat for more cases; "*" means every readable branch).
 */
public final class RootReadBench {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int warmup = Integer.parseInt(args[0]);
        int repeats = Integer.parseInt(args[1]);
        for (int i = 2; i + 2 < args.length; i += 3) {
            run(Path.of(args[i]), args[i + 1], args[i + 2], warmup, repeats);
        }
    }

    private static void run(Path file, String tree, String spec, int warmup, int repeats)
            throws Exception {
        List<String> names = branches(file, tree, spec);
        long[] result = new long[2];
        double[] sum0 = {Double.NaN};
        for (int i = 0; i < warmup; i++) {
            readOnce(file, tree, names, result, i == warmup - 1 ? sum0 : null);
        }
        double[] seconds = new double[repeats];
        double[] cpu = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long c0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            readOnce(file, tree, names, result, null);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
            cpu[i] = (OS.getProcessCpuTime() - c0) / 1e9;
        }
        Arrays.sort(seconds);
        Arrays.sort(cpu);
        System.out.printf("{\"file\": \"%s\", \"tree\": \"%s\", \"branches\": %d, "
                + "\"entries\": %d, \"bytes\": %d, \"best\": %.6g, \"median\": %.6g, "
                + "\"cpu\": %.6g, \"sum0\": %s}%n", file, tree, names.size(), result[0],
                result[1], seconds[0], seconds[repeats / 2], cpu[repeats / 2],
                Double.isNaN(sum0[0]) ? "NaN" : Double.toString(sum0[0]));
    }

    private static List<String> branches(Path file, String tree, String spec) throws Exception {
        if (!spec.equals("*")) {
            return List.of(spec.split(","));
        }
        List<String> out = new ArrayList<>();
        try (RootFile f = RootFile.open(file)) {
            f.tree(tree).branches().forEach(b -> {
                if (b.readable()) {
                    out.add(b.name());
                }
            });
        }
        return out;
    }

    /**
     * One full read; result[0] = entries, result[1] = Arrow buffer bytes; if {@code sum0} is
     * given, sum0[0] = the sum of the first column when it is float64.
     */
    private static void readOnce(Path file, String tree, List<String> names, long[] result,
            double[] sum0) throws Exception {
        try (RootFile f = RootFile.open(file); BufferAllocator a = new RootAllocator()) {
            TTree t = f.tree(tree);
            try (VectorSchemaRoot r = t.read(a, names)) {
                long bytes = 0;
                for (FieldVector v : r.getFieldVectors()) {
                    bytes += v.getBufferSize();
                }
                result[0] = r.getRowCount();
                result[1] = bytes;
                if (sum0 != null && r.getVector(0) instanceof Float8Vector v) {
                    sum0[0] = sum(v);
                }
            }
        }
    }

    private static double sum(Float8Vector v) {
        double s = 0;
        for (int i = 0; i < v.getValueCount(); i++) {
            s += v.get(i);
        }
        return s;
    }
}
