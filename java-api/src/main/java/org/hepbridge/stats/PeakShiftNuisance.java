package org.hepbridge.stats;

/**
 * A nuisance parameter theta of a {@link MassPeakFit} that moves the signal peak: the Gaussian
 * is centred at {@code mass + sum_k shift_k(theta_k)}, and theta is constrained by a unit
 * Gaussian around 0 (a term {@code theta^2 / 2} in the negative log-likelihood).
 *
 * <p>Immutable. {@code shiftUp} and {@code shiftDown} are the signed peak shifts in GeV that the
 * source causes at theta = +1 and theta = -1 (for a calibration variation: the fitted mass with
 * the up or down variation minus the nominal one). In between and beyond they are interpolated
 * piecewise linearly, like pyhf's histosys interpolation code 0: {@code theta * shiftUp} for
 * theta &gt;= 0 and {@code -theta * shiftDown} for theta &lt; 0. For asymmetric shifts the
 * likelihood therefore has a kink at theta = 0.
 *
 * @param name the source, e.g. {@code EG_SCALE}; unique within one fit
 * @param shiftUp peak shift at theta = +1, GeV
 * @param shiftDown peak shift at theta = -1, GeV
 */
public record PeakShiftNuisance(String name, double shiftUp, double shiftDown) {

    /**
     * @throws IllegalArgumentException for a null or blank name or a non-finite shift
     */
    public PeakShiftNuisance {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("PeakShiftNuisance: name is " + name
                    + ", expected a non-blank source name");
        }
        if (!Double.isFinite(shiftUp) || !Double.isFinite(shiftDown)) {
            throw new IllegalArgumentException("PeakShiftNuisance " + name + ": shifts up = "
                    + shiftUp + ", down = " + shiftDown + " GeV, expected finite values");
        }
    }

    /** A source that moves the peak by +-{@code shift} GeV at theta = +-1. */
    public static PeakShiftNuisance symmetric(String name, double shift) {
        return new PeakShiftNuisance(name, shift, -shift);
    }

    /** The peak shift in GeV at {@code theta} (piecewise linear through -1, 0, +1). */
    public double shift(double theta) {
        return theta >= 0 ? theta * shiftUp : -theta * shiftDown;
    }
}
