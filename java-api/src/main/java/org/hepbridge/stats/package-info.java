/**
 * Statistical interpretation: likelihood fits and significances.
 *
 * <p>{@link org.hepbridge.stats.MassPeakFit} fits a Gaussian peak of fixed width on a smooth
 * background to an unbinned mass spectrum (extended maximum likelihood) and reports the local
 * significance of the peak. Minimisation uses Commons Math (BOBYQA) followed by Newton polishing;
 * errors come from the numerical Hessian of the negative log-likelihood.
 */
package org.hepbridge.stats;
