package org.hepbridge.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.hepbridge.hist.Histogram;
import org.junit.jupiter.api.Test;

class BinnedModelValidationTest {

    private static final double[] OBS = {3, 5, 2};

    private static String refused(List<Channel> channels) {
        return assertThrows(IllegalArgumentException.class, () -> BinnedModel.of(channels))
                .getMessage();
    }

    private static Channel channel(String name, double[] obs, Sample... samples) {
        return new Channel(name, obs, List.of(samples));
    }

    private static Sample sig() {
        return Sample.signal("sig", new double[] {1, 2, 1});
    }

    @Test
    void emptyModelsAndChannelsAreRefused() {
        assertEquals("BinnedModel: no channels, expected at least 1", refused(List.of()));
        assertEquals("BinnedModel: channel 'sr' has no samples",
                refused(List.of(new Channel("sr", OBS, List.of()))));
        assertEquals("BinnedModel: channel 'sr' has no bins",
                refused(List.of(channel("sr", new double[0], sig()))));
        assertEquals("BinnedModel: channel name 'sr' appears twice",
                refused(List.of(channel("sr", OBS, sig()), channel("sr", OBS, sig()))));
        assertEquals("BinnedModel: no sample is scaled by the signal strength mu; mark one with"
                + " Sample.signal(...)", refused(List.of(channel("sr", OBS,
                        Sample.background("bkg", new double[] {1, 1, 1})))));
    }

    @Test
    void mismatchedBinningNamesSampleAndCounts() {
        assertEquals("BinnedModel: channel 'sr' sample 'bkg' has 2 bins, expected 3 (the"
                + " channel's observed data)", refused(List.of(channel("sr", OBS, sig(),
                        Sample.background("bkg", new double[] {1, 1})))));
        Sample shape = Sample.background("bkg", new double[] {1, 1, 1})
                .withHistoSys("jes", new double[] {1, 1, 1, 1}, new double[] {1, 1, 1});
        assertEquals("BinnedModel: channel 'sr' sample 'bkg' histosys 'jes' hi has 4 bins,"
                + " expected 3 (the channel's observed data)",
                refused(List.of(channel("sr", OBS, sig(), shape))));
    }

    @Test
    void negativeOrNaNYieldsNameSampleAndBin() {
        assertEquals("BinnedModel: channel 'sr' sample 'bkg' bin 1: yield -0.5, expected a"
                + " finite value >= 0", refused(List.of(channel("sr", OBS, sig(),
                        Sample.background("bkg", new double[] {1, -0.5, 1})))));
        assertEquals("BinnedModel: channel 'sr' sample 'bkg' bin 2: yield NaN, expected a"
                + " finite value >= 0", refused(List.of(channel("sr", OBS, sig(),
                        Sample.background("bkg", new double[] {1, 1, Double.NaN})))));
        assertEquals("BinnedModel: channel 'sr' observed bin 0: count -1.0, expected a finite"
                + " value >= 0", refused(List.of(channel("sr", new double[] {-1, 0, 0},
                        sig()))));
        assertEquals("BinnedModel: channel 'sr' sample 'bkg' normsys 'lumi': factors hi = 1.1,"
                + " lo = 0.0, expected finite values > 0", refused(List.of(channel("sr", OBS,
                        sig(), Sample.background("bkg", new double[] {1, 1, 1})
                                .withNormSys("lumi", 1.1, 0)))));
    }

    @Test
    void observedEventsWithoutPredictionAndParameterClashesAreRefused() {
        assertEquals("BinnedModel: channel 'sr' bin 2: 2.0 observed events but every sample"
                + " predicts 0", refused(List.of(channel("sr", OBS,
                        Sample.signal("sig", new double[] {1, 1, 0})))));
        Sample both = Sample.background("bkg", new double[] {1, 1, 1})
                .withNormSys("x", 1.1, 0.9)
                .withHistoSys("x", new double[] {1, 1, 1}, new double[] {1, 1, 1});
        assertEquals("BinnedModel: parameter 'x' is used both as normsys and as histosys; use"
                + " two names", refused(List.of(channel("sr", OBS, sig(), both))));
        assertEquals("BinnedModel: channel 'sr' sample 'bkg' normsys 'mu': parameter name 'mu'"
                + " is empty or the signal strength's name 'mu'", refused(List.of(channel("sr",
                        OBS, sig(), Sample.background("bkg", new double[] {1, 1, 1})
                                .withNormSys("mu", 1.1, 0.9)))));
    }

    @Test
    void unknownParameterInResultListsTheNames() {
        BinnedFitResult r = BinnedFit.fit(BinnedModel.of(List.of(channel("sr", OBS, sig(),
                Sample.background("bkg", new double[] {2, 3, 1})))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.value("lumi"));
        assertEquals("BinnedFitResult: no parameter 'lumi'; parameters are [mu]", e.getMessage());
    }

    private static Histogram filled(int bins, double lo, double hi, double... xs) {
        Histogram h = Histogram.regular("m", bins, lo, hi);
        h.fill(xs);
        return h;
    }

    @Test
    void histogramsAreAcceptedAndTheirEdgesChecked() {
        Histogram data = filled(3, 0, 3, 0.5, 1.5, 1.7, 2.5, 9.0);
        Histogram bkg = filled(3, 0, 3, 0.1, 0.2, 1.1, 2.2, 2.3, 2.4);
        Histogram sig = filled(3, 0, 3, 1.5);
        BinnedModel fromHistograms = BinnedModel.of(List.of(Channel.of("sr", data,
                List.of(Sample.background("bkg", bkg), Sample.signal("sig", sig)))));
        // The same numbers as plain arrays (flow bins dropped: 9.0 is overflow).
        BinnedModel fromArrays = BinnedModel.of(List.of(channel("sr", new double[] {1, 2, 1},
                Sample.background("bkg", new double[] {2, 1, 3}),
                Sample.signal("sig", new double[] {0, 1, 0}))));
        assertEquals(BinnedFit.nll(fromArrays, new double[] {0.7}),
                BinnedFit.nll(fromHistograms, new double[] {0.7}), 0);

        Histogram shifted = filled(3, 1, 4, 1.5);
        assertEquals("BinnedModel: channel 'sr' sample 'sig' has bin edges [1.0, 2.0, 3.0, 4.0],"
                + " expected the channel's [0.0, 1.0, 2.0, 3.0]", refused(List.of(Channel.of("sr",
                        data, List.of(Sample.background("bkg", bkg),
                                Sample.signal("sig", shifted))))));
    }
}
