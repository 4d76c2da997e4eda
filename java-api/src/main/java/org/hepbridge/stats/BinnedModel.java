package org.hepbridge.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A binned likelihood in the pyhf sense: channels of Poisson-distributed counts, samples with
 * templates, a signal strength {@code mu} scaling the signal samples, and Gaussian-constrained
 * nuisance parameters from {@link NormSys} and {@link HistoSys} modifiers.
 *
 * <p>Immutable and thread-safe. A nuisance parameter is shared by every modifier that names it
 * (it may not be both a normsys and a histosys). Parameters are ordered {@code mu} first, then
 * nuisance parameters in order of first appearance. {@code mu} is bounded to [0, 10] and each
 * nuisance parameter to [-5, 5] unless changed, pyhf's defaults.
 *
 * <p>The negative log-likelihood is
 * {@code sum_bins [lambda - n log(lambda) + lgamma(n + 1)]
 * + sum_alpha [(alpha - aux)^2 / 2 + log(2 pi) / 2]}, exactly minus pyhf's {@code logpdf}.
 */
public final class BinnedModel {

    /** Name of the parameter of interest. */
    public static final String POI = "mu";

    private final List<Channel> channels;
    private final List<String> nuisance;
    private final double poiLow;
    private final double poiHigh;

    private BinnedModel(List<Channel> channels, List<String> nuisance, double poiLow,
            double poiHigh) {
        this.channels = channels;
        this.nuisance = nuisance;
        this.poiLow = poiLow;
        this.poiHigh = poiHigh;
    }

    /**
     * Validate and build a model.
     *
     * @throws IllegalArgumentException naming the channel, sample, bin or parameter at fault: no
     *     channels, a channel without bins or samples, duplicate names, a sample or modifier
     *     template whose bin count differs from the channel's, a negative or NaN yield or count,
     *     a non-positive normsys factor, a bin with observed events but no prediction, or no
     *     signal sample at all
     */
    public static BinnedModel of(List<Channel> channels) {
        List<Channel> list = ModelValidation.validate(channels);
        return new BinnedModel(list, ModelValidation.nuisanceParameters(list), 0, 10);
    }

    /** Same model with other bounds on mu; {@code low} must be &lt;= 0 for a discovery test. */
    public BinnedModel withPoiBounds(double low, double high) {
        if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("BinnedModel: mu bounds [" + low + ", " + high
                    + "], expected finite low < high");
        }
        return new BinnedModel(channels, nuisance, low, high);
    }

    /** Same model with the observed counts replaced, channel by channel, from a flat array. */
    BinnedModel withObserved(double[] flat) {
        List<Channel> out = new ArrayList<>();
        int offset = 0;
        for (Channel c : channels) {
            double[] obs = new double[c.bins()];
            System.arraycopy(flat, offset, obs, 0, obs.length);
            offset += obs.length;
            out.add(new Channel(c.name(), obs, c.samples(), c.edges()));
        }
        return new BinnedModel(List.copyOf(out), nuisance, poiLow, poiHigh);
    }

    public List<Channel> channels() {
        return channels;
    }

    /** {@code mu} followed by the nuisance parameters. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        names.add(POI);
        names.addAll(nuisance);
        return names;
    }

    double[] lowerBounds() {
        double[] lo = new double[1 + nuisance.size()];
        java.util.Arrays.fill(lo, -5);
        lo[0] = poiLow;
        return lo;
    }

    double[] upperBounds() {
        double[] hi = new double[1 + nuisance.size()];
        java.util.Arrays.fill(hi, 5);
        hi[0] = poiHigh;
        return hi;
    }

    int parameterCount() {
        return 1 + nuisance.size();
    }

    /** Observed counts of all channels, concatenated in channel order. */
    public double[] observed() {
        int n = channels.stream().mapToInt(Channel::bins).sum();
        double[] out = new double[n];
        int offset = 0;
        for (Channel c : channels) {
            System.arraycopy(c.observed(), 0, out, offset, c.bins());
            offset += c.bins();
        }
        return out;
    }

    /**
     * Expected counts of all channels, concatenated, for parameters in {@link #parameterNames()}
     * order.
     */
    public double[] expected(double[] params) {
        Map<String, Integer> index = parameterIndex();
        int n = channels.stream().mapToInt(Channel::bins).sum();
        double[] out = new double[n];
        int offset = 0;
        for (Channel c : channels) {
            for (Sample s : c.samples()) {
                addSample(s, params, index, out, offset);
            }
            offset += c.bins();
        }
        return out;
    }

    private static void addSample(Sample s, double[] params, Map<String, Integer> index,
            double[] out, int offset) {
        double factor = s.signal() ? params[0] : 1;
        for (NormSys ns : s.normSys()) {
            factor *= ns.factor(params[index.get(ns.parameter())]);
        }
        for (int b = 0; b < s.bins(); b++) {
            double nominal = s.nominal(b);
            double y = nominal;
            for (HistoSys hs : s.histoSys()) {
                y += hs.delta(b, nominal, params[index.get(hs.parameter())]);
            }
            out[offset + b] += y * factor;
        }
    }

    Map<String, Integer> parameterIndex() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nuisance.size(); i++) {
            index.put(nuisance.get(i), i + 1);
        }
        return index;
    }

    /** Checks of {@link #of}; kept apart so the model class stays about the likelihood. */
    static final class ModelValidation {
        private ModelValidation() {
        }

        static List<Channel> validate(List<Channel> channels) {
            if (channels == null || channels.isEmpty()) {
                throw new IllegalArgumentException("BinnedModel: no channels, expected at least 1");
            }
            Set<String> names = new HashSet<>();
            boolean anySignal = false;
            for (Channel c : channels) {
                if (c == null || c.name() == null) {
                    throw new IllegalArgumentException(
                            "BinnedModel: a channel or its name is null");
                }
                if (!names.add(c.name())) {
                    throw new IllegalArgumentException(
                            "BinnedModel: channel name '" + c.name() + "' appears twice");
                }
                anySignal |= validateChannel(c);
            }
            if (!anySignal) {
                throw new IllegalArgumentException("BinnedModel: no sample is scaled by the"
                        + " signal strength " + POI + "; mark one with Sample.signal(...)");
            }
            checkParameterKinds(channels);
            return List.copyOf(channels);
        }

        private static boolean validateChannel(Channel c) {
            String where = "BinnedModel: channel '" + c.name() + "'";
            if (c.observed() == null || c.bins() == 0) {
                throw new IllegalArgumentException(where + " has no bins");
            }
            if (c.samples() == null || c.samples().isEmpty()) {
                throw new IllegalArgumentException(where + " has no samples");
            }
            checkCounts(where + " observed", c.observed(), "count");
            Set<String> names = new HashSet<>();
            boolean signal = false;
            for (Sample s : c.samples()) {
                if (s == null || s.name() == null) {
                    throw new IllegalArgumentException(where + ": a sample or its name is null");
                }
                if (!names.add(s.name())) {
                    throw new IllegalArgumentException(
                            where + ": sample name '" + s.name() + "' appears twice");
                }
                validateSample(where, c.bins(), s);
                checkEdges(where, c, s);
                signal |= s.signal();
            }
            checkPredicted(where, c);
            return signal;
        }

        private static void validateSample(String channel, int bins, Sample s) {
            String where = channel + " sample '" + s.name() + "'";
            checkBins(where, s.nominal(), bins);
            checkCounts(where, s.nominal(), "yield");
            for (NormSys n : s.normSys()) {
                String w = where + " normsys '" + n.parameter() + "'";
                checkParameterName(w, n.parameter());
                if (!(n.hi() > 0) || !(n.lo() > 0) || !Double.isFinite(n.hi())
                        || !Double.isFinite(n.lo())) {
                    throw new IllegalArgumentException(w + ": factors hi = " + n.hi() + ", lo = "
                            + n.lo() + ", expected finite values > 0");
                }
            }
            for (HistoSys h : s.histoSys()) {
                String w = where + " histosys '" + h.parameter() + "'";
                checkParameterName(w, h.parameter());
                checkBins(w + " hi", h.hi(), bins);
                checkBins(w + " lo", h.lo(), bins);
                checkCounts(w + " hi", h.hi(), "yield");
                checkCounts(w + " lo", h.lo(), "yield");
            }
        }

        /** Both sides carry bin edges (built from histograms): they must be the same. */
        private static void checkEdges(String where, Channel c, Sample s) {
            double[] ce = c.edges();
            double[] se = s.edges();
            if (ce == null || se == null) {
                return;
            }
            boolean same = ce.length == se.length;
            for (int i = 0; same && i < ce.length; i++) {
                same = Math.abs(ce[i] - se[i]) <= 1e-9 * Math.max(1, Math.abs(ce[i]));
            }
            if (!same) {
                throw new IllegalArgumentException(where + " sample '" + s.name()
                        + "' has bin edges " + java.util.Arrays.toString(se)
                        + ", expected the channel's " + java.util.Arrays.toString(ce));
            }
        }

        private static void checkParameterName(String where, String name) {
            if (name == null || name.isEmpty() || name.equals(POI)) {
                throw new IllegalArgumentException(where + ": parameter name '" + name
                        + "' is empty or the signal strength's name '" + POI + "'");
            }
        }

        private static void checkBins(String where, double[] values, int bins) {
            if (values == null || values.length != bins) {
                throw new IllegalArgumentException(where + " has "
                        + (values == null ? "no" : String.valueOf(values.length))
                        + " bins, expected " + bins + " (the channel's observed data)");
            }
        }

        private static void checkCounts(String where, double[] values, String what) {
            for (int b = 0; b < values.length; b++) {
                if (!(values[b] >= 0) || Double.isInfinite(values[b])) {
                    throw new IllegalArgumentException(where + " bin " + b + ": " + what + " "
                            + values[b] + ", expected a finite value >= 0");
                }
            }
        }

        /** Observed events where no sample (nor any up/down template) predicts any. */
        private static void checkPredicted(String where, Channel c) {
            double[] obs = c.observed();
            for (int b = 0; b < obs.length; b++) {
                if (obs[b] > 0 && maxPrediction(c, b) == 0) {
                    throw new IllegalArgumentException(where + " bin " + b + ": " + obs[b]
                            + " observed events but every sample predicts 0");
                }
            }
        }

        private static double maxPrediction(Channel c, int b) {
            double max = 0;
            for (Sample s : c.samples()) {
                max = Math.max(max, s.nominal(b));
                for (HistoSys h : s.histoSys()) {
                    max = Math.max(max, Math.max(h.hi()[b], h.lo()[b]));
                }
            }
            return max;
        }

        private static void checkParameterKinds(List<Channel> channels) {
            Map<String, String> kind = new HashMap<>();
            for (Channel c : channels) {
                for (Sample s : c.samples()) {
                    s.normSys().forEach(n -> checkKind(kind, n.parameter(), "normsys"));
                    s.histoSys().forEach(h -> checkKind(kind, h.parameter(), "histosys"));
                }
            }
        }

        private static void checkKind(Map<String, String> kind, String name, String k) {
            String before = kind.putIfAbsent(name, k);
            if (before != null && !before.equals(k)) {
                throw new IllegalArgumentException("BinnedModel: parameter '" + name
                        + "' is used both as " + before + " and as " + k + "; use two names");
            }
        }

        static List<String> nuisanceParameters(List<Channel> channels) {
            Map<String, Boolean> seen = new LinkedHashMap<>();
            for (Channel c : channels) {
                for (Sample s : c.samples()) {
                    s.normSys().forEach(n -> seen.putIfAbsent(n.parameter(), true));
                    s.histoSys().forEach(h -> seen.putIfAbsent(h.parameter(), true));
                }
            }
            return List.copyOf(seen.keySet());
        }
    }
}
