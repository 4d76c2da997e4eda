package org.hepbridge.output;

import java.io.IOException;
import org.hepbridge.analysis.Cutflow;
import org.hepbridge.analysis.CutflowTables;
import org.hepbridge.plot.HistogramPlot;

/**
 * The files every analysis report writes the same way: the cutflow as {@code cutflow.csv} and
 * {@code cutflow.md}, and each plot as PNG and SVG of one size.
 *
 * <p>Stateless and thread-safe; the files go into the caller's {@link OutputFolder}.
 */
public final class ReportFiles {
    /** Pixel size of every plot. */
    public static final int PLOT_WIDTH = 900;
    public static final int PLOT_HEIGHT = 700;

    private ReportFiles() {
    }

    /** Writes {@code cutflow.csv} and {@code cutflow.md}. */
    public static void cutflow(Cutflow cutflow, OutputFolder out) throws IOException {
        CutflowTables.writeCsv(cutflow, out.file("cutflow.csv"));
        CutflowTables.writeMarkdown(cutflow, out.file("cutflow.md"));
    }

    /** Writes {@code <name>.png} and {@code <name>.svg}. */
    public static void plot(HistogramPlot plot, String name, OutputFolder out)
            throws IOException {
        plot.writePng(out.file(name + ".png"), PLOT_WIDTH, PLOT_HEIGHT);
        plot.writeSvg(out.file(name + ".svg"), PLOT_WIDTH, PLOT_HEIGHT);
    }
}
