package org.hepbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.hepbridge.root.RootFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.hepbridge.testing.TestData;
import org.hepbridge.testing.PythonOracle;

/** hepbridge convert: output equal to a direct read, no partial output on failure. */
class ConvertCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new ConvertCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void ipcEqualsADirectRead() throws Exception {
        Path in = TestData.atlas4lep("A");
        Path target = tmp.resolve("a.arrow");
        assertEquals(0, run(in + ":mini", "--to", target.toString(), "--chunk-entries", "10"),
                err.toString());
        assertEquals(target + ": wrote 39 entries of 81 branches from " + in + ":mini\n",
                out.toString());
        try (BufferAllocator a = new RootAllocator();
                RootFile f = RootFile.open(in);
                VectorSchemaRoot direct = f.tree("mini").read(a, List.of("lep_pt", "runNumber",
                        "lep_type"));
                FileChannel ch = FileChannel.open(target);
                ArrowFileReader r = new ArrowFileReader(ch, a)) {
            assertEquals(4, r.getRecordBlocks().size(), "39 entries in chunks of 10");
            int row = 0;
            while (r.loadNextBatch()) {
                VectorSchemaRoot b = r.getVectorSchemaRoot();
                assertEquals(81, b.getFieldVectors().size());
                for (int i = 0; i < b.getRowCount(); i++, row++) {
                    for (String n : List.of("lep_pt", "runNumber", "lep_type")) {
                        assertEquals(direct.getVector(n).getObject(row),
                                b.getVector(n).getObject(i), n + " row " + row);
                    }
                }
            }
            assertEquals(39, row);
        }
        assertEquals(List.of(target), listDir());
    }

    /** pyarrow reads the Parquet file back: 39 rows and Σlep_n = 156 (SOURCES.md). */
    @Test
    void parquetReadByPyarrow() throws Exception {
        Path in = TestData.atlas4lep("A");
        Path target = tmp.resolve("a.parquet");
        int code = run(in.toString(), "--to", target.toString(), "--branches",
                "lep_n,lep_pt,runNumber");
        assertEquals(0, code, err.toString());
        Path py = PythonOracle.interpreter();
        Process p = new ProcessBuilder(py.toString(), "-c", "import sys, pyarrow.parquet as pq,"
                + " pyarrow.compute as pc; t = pq.read_table(sys.argv[1]); print(t.num_rows,"
                + " t.column_names, pc.sum(t['lep_n']).as_py(),"
                + " pc.sum(pc.list_value_length(t['lep_pt'])).as_py())", target.toString())
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("39 ['lep_n', 'lep_pt', 'runNumber'] 156 156\n", text);
        assertEquals(List.of(target), listDir());
    }

    @Test
    void unknownBranchFailsWithoutOutput() throws Exception {
        Path in = TestData.atlas4lep("A");
        Path target = tmp.resolve("bad.arrow");
        assertEquals(1, run(in.toString(), "--to", target.toString(), "--branches",
                "lep_pt,lep_ptt"));
        assertTrue(err.toString().startsWith("hepbridge: " + in + ": TTree 'mini': no branch "
                + "'lep_ptt'; nearest: lep_pt"), err.toString());
        assertEquals(List.of(), listDir());
    }

    @Test
    void corruptInputLeavesNoPartialOutput() throws Exception {
        byte[] whole = Files.readAllBytes(TestData.require(
                "scikit-hep-testdata/uproot-HZZ-zlib.root"));
        // Spoil the last ~20 kB (data baskets) but keep the header and metadata readable.
        Path in = tmp.resolve("spoiled.root");
        int keep = whole.length - 20000;
        byte[] spoiled = whole.clone();
        for (int i = keep; i < whole.length - 6000; i++) {
            spoiled[i] = (byte) 0x5a;
        }
        Files.write(in, spoiled);
        Path target = tmp.resolve("out.arrow");
        int code = run(in + ":events", "--to", target.toString());
        assertEquals(1, code, out.toString());
        assertTrue(err.toString().startsWith("hepbridge: " + in + ": "), err.toString());
        assertEquals(List.of(in), listDir());
    }

    @Test
    void missingOutputFolderIsNamedWithTheReason() {
        Path in = TestData.atlas4lep("A");
        Path target = tmp.resolve("no-such-folder/a.parquet");
        assertEquals(1, run(in.toString(), "--to", target.toString(), "--branches", "lep_n"));
        String message = err.toString();
        assertTrue(message.startsWith("hepbridge: " + target + ": writing failed: "
                + tmp.resolve("no-such-folder")), message);
        assertTrue(message.endsWith(": no such file or directory\n"), message);
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertEquals(2, run("x.root", "--to", tmp.resolve("x.csv").toString()));
        assertEquals("hepbridge: " + tmp.resolve("x.csv") + ": unknown output format, expected"
                + " a name ending in .arrow, .feather, .ipc or .parquet\n", err.toString());
    }

    @Test
    void missingArgumentIsAUsageError() {
        assertEquals(2, run("x.root"));
        assertTrue(err.toString().startsWith("Missing required option: '--to=OUT'"),
                err.toString());
    }

    private List<Path> listDir() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.sorted().toList();
        }
    }
}
