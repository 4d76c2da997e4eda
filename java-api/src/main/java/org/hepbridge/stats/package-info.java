/**
 * Statistical interpretation: likelihood fits and significances.
 *
 * <p>{@link org.hepbridge.stats.MassPeakFit} fits a Gaussian peak of fixed width on a smooth
 * background to an unbinned mass spectrum (extended maximum likelihood), optionally with
 * Gaussian-constrained nuisance parameters that shift the peak ({@link
 * org.hepbridge.stats.PeakShiftNuisance}, piecewise-linear like histosys code 0), and reports the
 * mass with its total and statistical errors and the local significance of the peak.
 * {@link org.hepbridge.stats.BinnedModel} is a binned likelihood with pyhf semantics (Poisson
 * bins, signal strength mu, normsys with interpolation code 1, histosys with code 0, unit
 * Gaussian constraints) and {@link org.hepbridge.stats.BinnedFit} fits it:
 * mu-hat, its profile-likelihood interval, and observed and expected (Asimov) discovery
 * significances. Minimisation uses Commons Math (BOBYQA, or Brent for one parameter) followed by
 * Newton polishing; errors come from the numerical Hessian of the negative log-likelihood.
 *
 * <p>Known limitation: at the kink of a piecewise interpolation (alpha = 0) the numerical Hessian
 * averages the two sides, so errors of nuisance parameters fitted very close to 0 are approximate;
 * the profile-likelihood intervals on mu and on the peak mass are not affected. The peak-shift
 * nuisances of a mass fit always sit at that kink (see {@link org.hepbridge.stats.MassPeakFit}):
 * for asymmetric shifts the Hessian mass error treats a source much like a symmetric one of the
 * mean size, and only the profile-likelihood interval keeps the asymmetry.
 */
package org.hepbridge.stats;
