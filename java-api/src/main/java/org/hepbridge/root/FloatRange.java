package org.hepbridge.root;

/**
 * How a Double32_t or Float16_t value is packed, from the "[xmin, xmax, nbits]" range in a
 * member or leaf title. Immutable.
 *
 * @param xmin lower bound
 * @param factor scale from packed integer to value; 0 when there is no [xmin, xmax] range
 * @param nbits mantissa bits when truncating without a range, 0 otherwise
 */
record FloatRange(double xmin, double factor, int nbits) {
    /** No range: Double32_t is stored as a float, Float16_t with a 12-bit mantissa. */
    static final FloatRange NONE = new FloatRange(0, 0, 0);

    /**
     * Parses the first "[...]" of a title that holds a comma (array dimensions such as "[3]"
     * or "[n]" are skipped). Returns {@link #NONE} when there is none.
     *
     * @throws IllegalArgumentException when the bracket holds something unreadable
     */
    static FloatRange parse(String title) {
        int open = title.indexOf('[');
        while (open >= 0) {
            int close = title.indexOf(']', open + 1);
            if (close < 0) {
                return NONE;
            }
            String body = title.substring(open + 1, close);
            if (body.contains(",")) {
                return fromParts(body.split(","));
            }
            open = title.indexOf('[', close + 1);
        }
        return NONE;
    }

    private static FloatRange fromParts(String[] parts) {
        double lo = number(parts[0]);
        double hi = number(parts[1]);
        int nbits = parts.length > 2 ? (int) number(parts[2]) : 32;
        if (nbits < 2 || nbits > 32) {
            nbits = 32;
        }
        if (lo < hi) {
            double big = nbits < 32 ? (double) (1L << nbits) : 0xffffffffL;
            return new FloatRange(lo, big / (hi - lo), nbits);
        }
        if (lo == 0 && hi == 0 && parts.length > 2 && nbits < 32) {
            return new FloatRange(0, 0, Math.max(nbits, 2));
        }
        return NONE;
    }

    /** A number, allowing ROOT's "pi" forms such as "-2*pi", "pi/2", "2pi". */
    private static double number(String s) {
        String t = s.strip().toLowerCase().replace(" ", "");
        if (!t.contains("pi")) {
            return Double.parseDouble(t);
        }
        double sign = 1;
        if (t.startsWith("-")) {
            sign = -1;
            t = t.substring(1);
        }
        double v = Math.PI;
        String before = t.substring(0, t.indexOf("pi")).replace("*", "");
        String after = t.substring(t.indexOf("pi") + 2);
        if (!before.isEmpty()) {
            v *= Double.parseDouble(before);
        }
        if (after.startsWith("/")) {
            v /= Double.parseDouble(after.substring(1));
        } else if (after.startsWith("*")) {
            v *= Double.parseDouble(after.substring(1));
        }
        return sign * v;
    }

    /** Reads one Double32_t. */
    double readDouble32(RBuffer b) throws RootIOException {
        if (factor != 0) {
            return b.u32() / factor + xmin;
        }
        if (nbits != 0) {
            return truncated(b, nbits);
        }
        return b.f32();
    }

    /** Reads one Float16_t. */
    float readFloat16(RBuffer b) throws RootIOException {
        if (factor != 0) {
            return (float) (b.u32() / factor + xmin);
        }
        return (float) truncated(b, nbits == 0 ? 12 : nbits);
    }

    /** An exponent byte and a 16-bit mantissa holding {@code bits} bits plus the sign. */
    private static double truncated(RBuffer b, int bits) throws RootIOException {
        int exp = b.u8();
        int man = b.u16();
        int v = exp << 23 | (man & ((1 << (bits + 1)) - 1)) << (23 - bits);
        float f = Float.intBitsToFloat(v);
        return (1 << (bits + 1) & man) != 0 ? -f : f;
    }
}
