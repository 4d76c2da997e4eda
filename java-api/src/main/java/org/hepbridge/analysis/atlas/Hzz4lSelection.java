package org.hepbridge.analysis.atlas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One configuration of the four-lepton event selection; the three the ATLAS open-data notebooks
 * use are predefined. All run through the same legacy tools: the lepton selection tool (when
 * {@link #goodLeptonsOnly}) and the four-lepton candidate builder.
 *
 * @param name short name used on the command line and in outputs
 * @param description one line for humans
 * @param requireTrigger keep only events with {@code trigE || trigM}
 * @param goodLeptonsOnly build candidates from leptons passing the identification, isolation
 *     and impact-parameter working point only, and require exactly four of them; otherwise the
 *     first four stored leptons are used whatever their number
 * @param leadingLeptonMinPtGeV pT thresholds of the first leptons in stored (pT) order, in GeV;
 *     empty for none
 */
public record Hzz4lSelection(String name, String description, boolean requireTrigger,
        boolean goodLeptonsOnly, List<Double> leadingLeptonMinPtGeV) {

    /** The notebooks' first selection: charges sum to zero, flavours 4e/4mu/2e2mu. */
    public static final Hzz4lSelection A = new Hzz4lSelection("a",
            "first four leptons: zero total charge, flavours 4e, 4mu or 2e2mu",
            false, false, List.of());

    /** Selection "a" plus pT of the first three leptons above 30, 20 and 10 GeV. */
    public static final Hzz4lSelection B = new Hzz4lSelection("b",
            "selection a plus lepton pT > 30, 20, 10 GeV",
            false, false, List.of(30.0, 20.0, 10.0));

    /** The 2020 ATLAS H->ZZ*->4l event selection (the default). */
    public static final Hzz4lSelection C = new Hzz4lSelection("c",
            "2020 ATLAS H->ZZ*->4l: trigger, exactly four good leptons, pT > 25, 15, 10 GeV,"
                    + " zero total charge, 4e/4mu/2e2mu",
            true, true, List.of(25.0, 15.0, 10.0));

    public Hzz4lSelection {
        leadingLeptonMinPtGeV = List.copyOf(leadingLeptonMinPtGeV);
        if (leadingLeptonMinPtGeV.size() > 4) {
            throw new IllegalArgumentException("Hzz4lSelection " + name
                    + ": at most four leading-lepton pT thresholds, got " + leadingLeptonMinPtGeV);
        }
    }

    /** The predefined selections. */
    public static List<Hzz4lSelection> predefined() {
        return List.of(A, B, C);
    }

    /** A predefined selection by name ("a", "b" or "c", any case). */
    public static Hzz4lSelection byName(String name) {
        for (Hzz4lSelection selection : predefined()) {
            if (selection.name.equalsIgnoreCase(name.strip())) {
                return selection;
            }
        }
        throw new IllegalArgumentException("unknown selection '" + name + "'; known: a, b, c");
    }

    /** The cutflow steps this selection reports, in order. */
    public List<String> cutflowSteps() {
        List<String> steps = new ArrayList<>();
        steps.add("all events");
        if (requireTrigger) {
            steps.add("trigger (trigE or trigM)");
        }
        steps.add(goodLeptonsOnly ? "exactly four good leptons" : "at least four leptons");
        if (!leadingLeptonMinPtGeV.isEmpty()) {
            steps.add("lepton pT > " + String.join(", ", leadingLeptonMinPtGeV.stream()
                    .map(Hzz4lSelection::formatGeV).toList()) + " GeV");
        }
        steps.add("total charge zero");
        steps.add("flavours 4e, 4mu or 2e2mu");
        return steps;
    }

    /** The thresholds in MeV as the candidate builder's property text, e.g. "25000,15000". */
    String leadingLeptonMinPtMeVProperty() {
        return String.join(",", leadingLeptonMinPtGeV.stream()
                .map(pt -> formatGeV(pt * 1000.0)).toList());
    }

    private static String formatGeV(double value) {
        return value == Math.rint(value) ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
