package org.hepbridge.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.hepbridge.testing.PythonOracle;

/**
 * Runs src/test/python/uproot_dump.py to get uproot's reading of a tree, and compares Arrow
 * vectors with it: list offsets at every level, integers exactly, floats bit for bit.
 */
final class UprootOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UprootOracle() {
    }

    /** uproot's dump of {@code branches} (all when empty) of {@code tree} in {@code file}. */
    static JsonNode dump(Path file, String tree, List<String> branches, Path workDir)
            throws IOException, InterruptedException {
        Path out = workDir.resolve(file.getFileName() + "." + tree.replaceAll("[^A-Za-z0-9_.-]",
                "_") + ".json");
        List<String> args = new ArrayList<>(List.of(file.toString(), tree, out.toString()));
        args.addAll(branches);
        run(args);
        return JSON.readTree(out.toFile());
    }

    /**
     * uproot's dumps of several (file, tree) pairs from one python process; the result maps
     * "file|tree" to the dump.
     */
    static Map<String, JsonNode> dumpMany(List<Path> files, List<String> trees, Path workDir)
            throws IOException, InterruptedException {
        List<List<String>> jobs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path out = workDir.resolve("dump" + i + ".json");
            jobs.add(List.of(files.get(i).toString(), trees.get(i), out.toString()));
        }
        Path spec = workDir.resolve("jobs.json");
        JSON.writeValue(spec.toFile(), jobs);
        run(List.of("--many", spec.toString()));
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            out.put(files.get(i) + "|" + trees.get(i),
                    JSON.readTree(workDir.resolve("dump" + i + ".json").toFile()));
        }
        return out;
    }

    private static void run(List<String> args) throws IOException, InterruptedException {
        Path script = PythonOracle.script("uproot_dump.py");
        List<String> cmd = new ArrayList<>(List.of(PythonOracle.interpreter().toString(),
                script.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            fail("uproot_dump.py " + args + " failed:\n" + log);
        }
    }

    /** Asserts that {@code v} equals uproot's {@code expected} entry (see uproot_dump.py). */
    static void assertSame(String what, JsonNode expected, FieldVector v) {
        assertSame(what, expected, v, List.of());
    }

    /** Like {@link #assertSame(String, JsonNode, FieldVector)} for a struct field path. */
    static void assertSame(String what, JsonNode expected, FieldVector v, List<String> path) {
        assertEquals(expected.get("entries").asInt(), v.getValueCount(), what + ": entries");
        if (expected.get("dtype").asText().equals("string")) {
            VarCharVector s = (VarCharVector) v;
            for (int i = 0; i < s.getValueCount(); i++) {
                assertEquals(expected.get("values").get(i).asText(),
                        HexFormat.of().formatHex(s.get(i)), what + ": entry " + i);
            }
            return;
        }
        FieldVector leaf = v;
        int level = 0;
        int step = 0;
        while (leaf instanceof ListVector || leaf instanceof FixedSizeListVector
                || leaf instanceof StructVector) {
            if (leaf instanceof StructVector s) {
                leaf = s.getChild(path.get(step++));
                continue;
            }
            JsonNode lev = expected.get("offsets").get(level);
            if (lev == null) {
                fail(what + ": Arrow has more nesting levels than uproot");
            }
            if (leaf instanceof ListVector l) {
                assertEquals("list", lev.get(0).asText(), what + ": level " + level);
                JsonNode off = lev.get(1);
                assertEquals(off.size(), l.getValueCount() + 1, what + ": offsets length");
                for (int i = 0; i <= l.getValueCount(); i++) {
                    long got = l.getOffsetBuffer().getInt(i * 4L);
                    if (got != off.get(i).asLong()) {
                        fail(what + ": level " + level + " offset " + i + " is " + got
                                + ", uproot " + off.get(i));
                    }
                }
                leaf = l.getDataVector();
            } else {
                FixedSizeListVector f = (FixedSizeListVector) leaf;
                assertEquals("regular", lev.get(0).asText(), what + ": level " + level);
                assertEquals(lev.get(1).asInt(), f.getListSize(), what + ": fixed size");
                leaf = f.getDataVector();
            }
            level++;
        }
        assertEquals(expected.get("offsets").size(), level, what + ": nesting levels");
        JsonNode values = expected.get("values");
        assertEquals(values.size(), leaf.getValueCount(), what + ": number of values");
        for (int i = 0; i < values.size(); i++) {
            long got = bits(leaf, i);
            if (got != values.get(i).asLong()) {
                fail(what + ": value " + i + " is " + leaf.getObject(i) + " (bits " + got
                        + "), uproot bits " + values.get(i));
            }
        }
    }

    /**
     * The columns uproot_dump.py would produce for a vector: the vector itself, or for structs
     * (also inside lists) one column per leaf field, named "branch.field.subfield"; the value
     * is the path of struct field names leading to it.
     */
    static Map<String, List<String>> columns(String name, FieldVector v) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        collect(name, List.of(), v, out);
        return out;
    }

    private static void collect(String name, List<String> path, FieldVector v,
            Map<String, List<String>> out) {
        FieldVector inner = v;
        while (inner instanceof ListVector || inner instanceof FixedSizeListVector) {
            inner = inner instanceof ListVector l ? l.getDataVector()
                    : ((FixedSizeListVector) inner).getDataVector();
        }
        if (inner instanceof StructVector s) {
            for (FieldVector child : s.getChildrenFromFields()) {
                List<String> p = new ArrayList<>(path);
                p.add(child.getName());
                collect(name + "." + child.getName(), p, child, out);
            }
        } else {
            out.put(name, path);
        }
    }

    /** The value at i as uproot_dump.py encodes it. */
    static long bits(FieldVector v, int i) {
        return switch (v) {
            case Float4Vector f -> Integer.toUnsignedLong(Float.floatToRawIntBits(f.get(i)));
            case Float8Vector d -> Double.doubleToRawLongBits(d.get(i));
            case BitVector b -> b.get(i);
            case UInt1Vector u -> Byte.toUnsignedLong(u.get(i));
            case UInt2Vector u -> u.get(i);
            case UInt4Vector u -> Integer.toUnsignedLong(u.get(i));
            case UInt8Vector u -> u.get(i);
            case BaseIntVector b -> b.getValueAsLong(i);
            default -> throw new AssertionError("unexpected vector " + v.getClass());
        };
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // A leftover temp file does not affect the result.
        }
    }
}
