package org.hepbridge.stats;

import java.util.ArrayList;
import java.util.List;

import org.hepbridge.hist.Histogram;

/**
 * One process in a channel of a {@link BinnedModel}: its nominal expected yield per bin, whether
 * the signal strength mu scales it, and its systematic modifiers.
 *
 * <p>Immutable: arrays are copied on construction and on access; the {@code with...} methods
 * return new samples. The expected yield per bin is
 * {@code (nominal + sum of histosys shifts) * product of normsys factors * (mu if signal)}, the
 * order pyhf applies additive and multiplicative modifiers in.
 */
public record Sample(String name, double[] nominal, boolean signal, List<NormSys> normSys,
        List<HistoSys> histoSys, double[] edges) {

    /** {@code edges} is null when the template carries no binning (a plain array). */
    public Sample {
        nominal = nominal == null ? null : nominal.clone();
        edges = edges == null ? null : edges.clone();
        normSys = normSys == null ? List.of() : List.copyOf(normSys);
        histoSys = histoSys == null ? List.of() : List.copyOf(histoSys);
    }

    /** A sample scaled by the signal strength. */
    public static Sample signal(String name, double[] nominal) {
        return new Sample(name, nominal, true, List.of(), List.of(), null);
    }

    /** A sample not scaled by the signal strength. */
    public static Sample background(String name, double[] nominal) {
        return new Sample(name, nominal, false, List.of(), List.of(), null);
    }

    /**
     * A signal sample from a 1-D histogram's bin contents (flow bins ignored); its edges are kept
     * so {@link BinnedModel#of} can check them against the channel's.
     */
    public static Sample signal(String name, Histogram template) {
        return new Sample(name, Templates.values(name, template), true, List.of(), List.of(),
                Templates.edges(template));
    }

    /** A background sample from a 1-D histogram, as {@link #signal(String, Histogram)}. */
    public static Sample background(String name, Histogram template) {
        return new Sample(name, Templates.values(name, template), false, List.of(), List.of(),
                Templates.edges(template));
    }

    public Sample withNormSys(String parameter, double hi, double lo) {
        List<NormSys> more = new ArrayList<>(normSys);
        more.add(new NormSys(parameter, hi, lo));
        return new Sample(name, nominal, signal, more, histoSys, edges);
    }

    public Sample withHistoSys(String parameter, double[] hi, double[] lo) {
        List<HistoSys> more = new ArrayList<>(histoSys);
        more.add(new HistoSys(parameter, hi, lo));
        return new Sample(name, nominal, signal, normSys, more, edges);
    }

    /** The same sample with another nominal template (e.g. a signal at another mass). */
    public Sample withNominal(double[] newNominal) {
        return new Sample(name, newNominal, signal, normSys, histoSys, edges);
    }

    @Override
    public double[] nominal() {
        return nominal == null ? null : nominal.clone();
    }

    @Override
    public double[] edges() {
        return edges == null ? null : edges.clone();
    }

    int bins() {
        return nominal.length;
    }

    double nominal(int bin) {
        return nominal[bin];
    }
}
