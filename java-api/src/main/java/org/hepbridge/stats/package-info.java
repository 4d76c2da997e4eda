/**
 * Statistical interpretation: likelihood fits and significances.
 *
 * <p>{@link org.hepbridge.stats.MassPeakFit} fits a Gaussian peak of fixed width on a smooth
 * background to an unbinned mass spectrum (extended maximum likelihood) and reports the local
 * significance of the peak. {@link org.hepbridge.stats.BinnedModel} is a binned likelihood with
 * pyhf semantics (Poisson bins, signal strength mu, normsys with interpolation code 1, histosys
 * with code 0, unit Gaussian constraints) and {@link org.hepbridge.stats.BinnedFit} fits it:
 * mu-hat, its profile-likelihood interval, and observed and expected (Asimov) discovery
 * significances. Minimisation uses Commons Math (BOBYQA, or Brent for one parameter) followed by
 * Newton polishing; errors come from the numerical Hessian of the negative log-likelihood.
 *
 * <p>Known limitation: at the kink of a piecewise interpolation (alpha = 0) the numerical Hessian
 * averages the two sides, so errors of nuisance parameters fitted very close to 0 are approximate;
 * the profile-likelihood interval on mu is not affected.
 */
package org.hepbridge.stats;
