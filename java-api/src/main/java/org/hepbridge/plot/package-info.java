/**
 * Publication-style plots of {@link org.hepbridge.hist.Histogram}s:
 * {@link org.hepbridge.plot.HistogramPlot} (stack, signal, data with
 * {@link org.hepbridge.plot.PoissonInterval Garwood} error bars, curves, uncertainty band,
 * ratio or pull panel) rendered by one Java2D drawing routine to PNG or, through JFreeSVG, to SVG.
 * Files are written to a temporary sibling and renamed into place.
 */
package org.hepbridge.plot;
