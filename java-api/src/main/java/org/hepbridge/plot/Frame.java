package org.hepbridge.plot;

import java.awt.geom.Rectangle2D;

/** A panel's pixel rectangle and the data ranges it maps. */
record Frame(double left, double top, double width, double height, double xmin, double xmax,
        double ymin, double ymax) {

    double px(double x) {
        return left + (x - xmin) / (xmax - xmin) * width;
    }

    double py(double y) {
        return top + height - (y - ymin) / (ymax - ymin) * height;
    }

    double bottom() {
        return top + height;
    }

    double right() {
        return left + width;
    }

    Rectangle2D area() {
        return new Rectangle2D.Double(left, top, width, height);
    }
}
