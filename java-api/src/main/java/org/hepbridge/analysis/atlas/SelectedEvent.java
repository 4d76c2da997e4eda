package org.hepbridge.analysis.atlas;

import java.util.List;

/**
 * An event passing the selection, with its ZZ candidate. Masses and momenta in GeV.
 *
 * @param input the file it came from
 * @param leptons the four leptons of the candidate: Z1's two, then Z2's two (after calibration)
 * @param m4lResolution expected sigma(m4l) from {@link org.hepbridge.analysis.FourLeptonResolution}
 */
public record SelectedEvent(String input, int runNumber, long eventNumber, String channel,
        double m4l, double m12, double m34, double m4lResolution, List<Lepton> leptons) {

    /** One lepton of the candidate; type 11 is an electron, 13 a muon. */
    public record Lepton(double pt, double eta, double phi, double energy, int charge, int type) {
    }
}
