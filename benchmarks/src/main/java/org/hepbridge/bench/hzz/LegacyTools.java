package org.hepbridge.bench.hzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hepbridge.legacy.CalibrationTool;
import org.hepbridge.legacy.FourLeptonCandidateBuilder;
import org.hepbridge.legacy.LeptonSelectionTool;

/**
 * The four legacy tools configured as the benchmark analysis uses them (selection "c":
 * default lepton working point, exactly four good leptons, pT above 25, 15, 10 GeV), and the
 * variation each calibration tool applies for each of {@link Hzz4lCounts#VARIATIONS}.
 *
 * <p>Owns the tools; {@link #close()} frees them. Not thread-safe (the tools serialize calls).
 */
final class LegacyTools implements AutoCloseable {
    final CalibrationTool electrons;
    final CalibrationTool muons;
    final LeptonSelectionTool selection;
    final FourLeptonCandidateBuilder builder;
    /** Per variation, the name the electron (muon) tool applies: its own or NOMINAL. */
    final String[] electronVariation;
    final String[] muonVariation;

    LegacyTools(Path calibrationFile) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            electrons = track(opened, CalibrationTool.electrons("ElectronCalibration"));
            muons = track(opened, CalibrationTool.muons("MuonCalibration"));
            selection = track(opened, LeptonSelectionTool.create("LeptonSelection"));
            builder = track(opened, FourLeptonCandidateBuilder.create("FourLeptonCandidates"));
            electrons.setProperty("CalibrationFile", calibrationFile.toString()).initialize();
            muons.setProperty("CalibrationFile", calibrationFile.toString()).initialize();
            selection.initialize();
            builder.setProperty("RequireExactlyFour", "true")
                    .setProperty("LeadingLeptonMinPt", "25000,15000,10000").initialize();
            electronVariation = applied(electrons.variations());
            muonVariation = applied(muons.variations());
            checkOrder();
        } catch (RuntimeException e) {
            for (AutoCloseable tool : opened) {
                closeQuietly(tool, e);
            }
            throw e;
        }
    }

    private static <T extends AutoCloseable> T track(List<AutoCloseable> opened, T tool) {
        opened.add(tool);
        return tool;
    }

    private static String[] applied(List<String> own) {
        return Hzz4lCounts.VARIATIONS.stream()
                .map(v -> own.contains(v) ? v : "NOMINAL").toArray(String[]::new);
    }

    // The histogram layout assumes NOMINAL, then the electron, then the muon variations.
    private void checkOrder() {
        List<String> tools = new ArrayList<>(List.of("NOMINAL"));
        tools.addAll(electrons.variations());
        tools.addAll(muons.variations());
        if (!tools.equals(Hzz4lCounts.VARIATIONS)) {
            throw new IllegalStateException("LegacyTools: the calibration tools provide "
                    + tools + ", the histogram layout expects " + Hzz4lCounts.VARIATIONS);
        }
    }

    private static void closeQuietly(AutoCloseable tool, RuntimeException failure) {
        try {
            tool.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        builder.close();
        selection.close();
        muons.close();
        electrons.close();
    }
}
