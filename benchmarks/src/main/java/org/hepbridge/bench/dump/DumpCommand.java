package org.hepbridge.bench.dump;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hepbridge.analysis.atlas.AtlasOpenData2020;
import org.hepbridge.data.DataLocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hepbridge-bench dump}: writes the ATLAS 4lep data files as one column dump. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Write the 2016 ATLAS 4lep events (data_A..D, in order) as a column dump"
                + " (benchmarks/DUMP_FORMAT.md), the input of every benchmark.")
public final class DumpCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR",
            description = "data folder (default: $HEPBRIDGE_DATA, else ../shared/data)")
    private Path data;

    @Option(names = "--output", paramLabel = "FILE", required = true,
            description = "the dump to write (replaced when complete)")
    private Path output;

    @Option(names = "--shuffled-copies", paramLabel = "K", defaultValue = "1",
            description = "write K copies of the events, each in its own pseudo-random order "
                    + "(default: ${DEFAULT-VALUE}: the files' events once, in file order)")
    private int shuffledCopies;

    @Option(names = "--seed", defaultValue = "20161",
            description = "seed of the orders of --shuffled-copies (default: ${DEFAULT-VALUE})")
    private long seed;

    @Override
    public Integer call() throws Exception {
        if (shuffledCopies < 1) {
            System.err.println("hepbridge-bench dump: --shuffled-copies " + shuffledCopies
                    + ": must be at least 1");
            return 2;
        }
        Path folder = DataLocator.resolve(Optional.ofNullable(data));
        List<Path> inputs = new ArrayList<>();
        for (String relative : AtlasOpenData2020.dataFilesRelative()) {
            inputs.add(DataLocator.requireFile(folder, relative));
        }
        long events;
        if (shuffledCopies == 1) {
            events = ColumnDumpWriter.write(inputs, output);
        } else {
            Path plain = Files.createTempFile(output.toAbsolutePath().getParent(),
                    output.getFileName().toString(), ".plain");
            try {
                ColumnDumpWriter.write(inputs, plain);
                try (ColumnDump source = ColumnDump.read(plain)) {
                    if (shuffledCopies > ColumnDumpWriter.maxCopies(source)) {
                        System.err.println("hepbridge-bench dump: --shuffled-copies "
                                + shuffledCopies + ": at most " + ColumnDumpWriter.maxCopies(
                                source) + " copies of " + source.events() + " events fit one "
                                + "dump (its lepton offsets are int32)");
                        return 2;
                    }
                    events = ColumnDumpWriter.writeShuffledCopies(source, shuffledCopies, seed,
                            output);
                }
            } finally {
                Files.deleteIfExists(plain);
            }
        }
        System.out.println("dump: " + events + " events from " + inputs.size() + " files"
                + (shuffledCopies == 1 ? "" : " (" + shuffledCopies + " copies, each in its own"
                        + " order, seed " + seed + ")") + " -> " + output);
        return 0;
    }
}
