package org.hepbridge.analysis;

/**
 * Expected mass resolution of a four-lepton system, propagated from per-lepton energy
 * resolutions. Used to fix the width of the Gaussian signal in the m4l fit.
 *
 * <p>Lepton model (typical ATLAS performance, not a calibration result):
 * electrons {@code sigma(E)/E = 10%/sqrt(E/GeV) (+) 0.7%} (the liquid-argon calorimeter's
 * sampling and constant terms); muons {@code sigma(pT)/pT = 2%} flat, representative of the
 * combined inner-detector and spectrometer measurement for 5-100 GeV. Both are approximations:
 * real resolutions depend on eta, pT and the detector region.
 *
 * <p>Propagation, for massless leptons: {@code m^2 = sum_{i<j} m_ij^2} and scaling lepton i's
 * momentum by {@code (1 + d_i)} scales every {@code m_ij^2} containing it by {@code (1 + d_i)}, so
 * {@code d ln m / d ln p_i = w_i = (sum_{j != i} m_ij^2) / (2 m^2)} (the w_i sum to 1) and
 * {@code sigma(m)/m = sqrt(sum_i (w_i r_i)^2)} for independent relative resolutions r_i.
 */
public final class FourLeptonResolution {
    private static final double ELECTRON_SAMPLING = 0.10;
    private static final double ELECTRON_CONSTANT = 0.007;
    private static final double MUON_RELATIVE = 0.02;

    private FourLeptonResolution() {
    }

    /** Relative energy (electron) or momentum (muon) resolution of one lepton. */
    public static double leptonRelativeResolution(int type, double energyGeV) {
        return switch (type) {
            case 11 -> Math.hypot(ELECTRON_SAMPLING / Math.sqrt(energyGeV), ELECTRON_CONSTANT);
            case 13 -> MUON_RELATIVE;
            default -> throw new IllegalArgumentException(
                    "FourLeptonResolution: lepton type " + type + " is neither 11 (e) nor 13 (mu)");
        };
    }

    /**
     * Relative mass resolution sigma(m)/m of four leptons given as (px, py, pz, E) rows in GeV.
     *
     * @param p4 four rows of {px, py, pz, E}
     * @param types the leptons' types (11 or 13)
     */
    public static double relativeMassResolution(double[][] p4, int[] types) {
        double[][] pairMassSquared = new double[4][4];
        double total = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                double e = p4[i][3] + p4[j][3];
                double px = p4[i][0] + p4[j][0];
                double py = p4[i][1] + p4[j][1];
                double pz = p4[i][2] + p4[j][2];
                double mSquared = e * e - px * px - py * py - pz * pz;
                pairMassSquared[i][j] = mSquared;
                pairMassSquared[j][i] = mSquared;
                total += mSquared;
            }
        }
        double variance = 0;
        for (int i = 0; i < 4; i++) {
            double share = 0;
            for (int j = 0; j < 4; j++) {
                share += pairMassSquared[i][j];
            }
            double weight = share / (2 * total);
            double r = leptonRelativeResolution(types[i], p4[i][3]);
            variance += weight * weight * r * r;
        }
        return Math.sqrt(variance);
    }
}
