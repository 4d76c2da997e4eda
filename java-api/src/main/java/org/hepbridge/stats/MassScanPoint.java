package org.hepbridge.stats;

/** Fit of one signal-mass hypothesis in {@link BinnedFit#massScan}. Immutable. */
public record MassScanPoint(double mass, BinnedFitResult fit) {
}
