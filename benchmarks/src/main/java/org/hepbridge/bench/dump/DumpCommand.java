package org.hepbridge.bench.dump;

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

    @Override
    public Integer call() throws Exception {
        Path folder = DataLocator.resolve(Optional.ofNullable(data));
        List<Path> inputs = new ArrayList<>();
        for (String relative : AtlasOpenData2020.dataFilesRelative()) {
            inputs.add(DataLocator.requireFile(folder, relative));
        }
        long events = ColumnDumpWriter.write(inputs, output);
        System.out.println("dump: " + events + " events from " + inputs.size() + " files -> "
                + output);
        return 0;
    }
}
