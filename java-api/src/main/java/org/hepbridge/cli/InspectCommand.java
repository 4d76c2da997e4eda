package org.hepbridge.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.hepbridge.root.BranchInfo;
import org.hepbridge.root.RootFile;
import org.hepbridge.root.RootIOException;
import org.hepbridge.root.TTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hepbridge inspect FILE}: lists the keys of a ROOT file and, for every TTree, its
 * branches with ROOT type, Arrow type and entries, and which branches cannot be read and why.
 * Exit status 0 on success, 1 if the file cannot be read, 2 on a usage error.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "List the keys, trees and branches of a ROOT file, with their ROOT and "
                + "Arrow types and the branches hepbridge cannot read.")
public final class InspectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "ROOT file to inspect")
    private String file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RootFile f = RootFile.open(java.nio.file.Path.of(file))) {
            out.printf("%s: ROOT %d%n", f.path(), f.rootVersion());
            for (RootFile.KeyInfo k : f.allKeys()) {
                out.printf("  %s;%d  %s  \"%s\"%n", k.path(), k.cycle(), k.className(),
                        k.title());
            }
            for (RootFile.KeyInfo k : f.allKeys()) {
                if (k.isTree()) {
                    describe(out, f.tree(k.path() + ";" + k.cycle()), k);
                }
            }
            out.flush();
            return 0;
        } catch (RootIOException e) {
            spec.commandLine().getErr().println("hepbridge: " + e.getMessage());
            return 1;
        }
    }

    private static void describe(PrintWriter out, TTree t, RootFile.KeyInfo k)
            throws RootIOException {
        int bad = 0;
        for (BranchInfo b : t.branches()) {
            bad += b.readable() ? 0 : 1;
        }
        out.printf("%nTTree %s;%d \"%s\": %d entries, %d branches, %d unreadable%n",
                k.path(), k.cycle(), t.title(), t.entries(), t.branches().size(), bad);
        int width = 4;
        for (BranchInfo b : t.branches()) {
            width = Math.max(width, b.name().length());
        }
        String row = "  %-" + width + "s  %-24s  %-32s  %s%n";
        out.printf(row, "name", "ROOT type", "Arrow type", "entries");
        for (BranchInfo b : t.branches()) {
            if (b.readable()) {
                Field f = t.schema(List.of(b.name())).getFields().get(0);
                out.printf(row, b.name(), b.rootType(), arrow(f), b.entries());
            } else {
                out.printf(row, b.name(), b.rootType(), "UNREADABLE", b.entries());
                out.printf("  %" + width + "s  reason: %s%n", "", b.unsupported());
            }
        }
    }

    /** Short Arrow type text, e.g. {@code list<float32>}, {@code struct<fX: float64>}. */
    static String arrow(Field f) {
        ArrowType t = f.getType();
        return switch (t) {
            case ArrowType.Int i -> (i.getIsSigned() ? "int" : "uint") + i.getBitWidth();
            case ArrowType.FloatingPoint fp ->
                fp.getPrecision() == FloatingPointPrecision.SINGLE ? "float32" : "float64";
            case ArrowType.Bool b -> "bool";
            case ArrowType.Utf8 u -> "string";
            case ArrowType.List l -> "list<" + arrow(f.getChildren().get(0)) + ">";
            case ArrowType.FixedSizeList l ->
                "fixed_size_list<" + arrow(f.getChildren().get(0)) + ", " + l.getListSize() + ">";
            case ArrowType.Struct st -> {
                List<String> parts = new ArrayList<>();
                f.getChildren().forEach(c -> parts.add(c.getName() + ": " + arrow(c)));
                yield "struct<" + String.join(", ", parts) + ">";
            }
            default -> t.toString();
        };
    }
}
