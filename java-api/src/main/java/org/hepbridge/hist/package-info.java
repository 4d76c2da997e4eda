/**
 * Weighted N-dimensional histograms ({@link org.hepbridge.hist.Histogram}) over regular, variable
 * and category axes, with UHI JSON exchange ({@link org.hepbridge.hist.UhiJson}) so that Python
 * {@code hist} and boost-histogram read what Java fills and vice versa.
 *
 * <p>Bin conventions follow boost-histogram: half-open bins, index {@code -1} underflow and
 * {@code bins} overflow, NaN in the overflow bin, flat arrays row-major with the first axis
 * outermost. Histograms are not thread-safe; axes are immutable.
 */
package org.hepbridge.hist;
