package org.hepbridge.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.hepbridge.analysis.ProgressListener;
import org.hepbridge.analysis.atlas.Hzz4lSelection;
import org.hepbridge.analysis.atlas.HzzAnalysis;
import org.hepbridge.analysis.atlas.HzzResult;
import org.hepbridge.analysis.atlas.SelectedEventsWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory selected-events table handed to Python holds exactly what
 * {@link SelectedEventsWriter} writes to {@code selected_events.arrow}.
 */
class SelectedEventColumnsTest {
    @TempDir
    Path folder;

    @Test
    void theTableEqualsTheArrowFileOfTheWriter() throws Exception {
        try (BufferAllocator allocator = new RootAllocator()) {
            // Selection b keeps 412 events (published), two of them with NaN Z masses.
            HzzResult result = HzzAnalysis.builder().selection(Hzz4lSelection.B)
                    .withVariations(false).build()
                    .run(TestFiles.atlasData(), allocator, ProgressListener.NONE);
            Path file = folder.resolve("selected_events.arrow");
            SelectedEventsWriter.write(result.selectedEvents(), file, allocator);

            try (VectorSchemaRoot ours = SelectedEventColumns.toRoot(result.selectedEvents(),
                    allocator);
                    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                    ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
                assertTrue(reader.loadNextBatch());
                VectorSchemaRoot written = reader.getVectorSchemaRoot();
                assertEquals(412, ours.getRowCount());
                assertEquals(written.getSchema(), ours.getSchema());
                assertEquals(written.contentToTSVString(), ours.contentToTSVString());
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }
}
