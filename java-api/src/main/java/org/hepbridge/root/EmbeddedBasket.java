package org.hepbridge.root;

/**
 * A TBasket serialized inside its TBranch's {@code fBaskets} array (rather than under its own
 * key): the basket that was in memory when the tree was written. Its data are never compressed.
 *
 * @param entries number of entries ({@code fNevBuf})
 * @param buf the data bytes (key header removed)
 * @param offsets entry start offsets into buf plus a final end offset, or null for fixed-size
 *     entries
 */
record EmbeddedBasket(int entries, byte[] buf, int[] offsets) {
    private static final int DISPLACEMENT_MASK = 0xFF000000;

    /** Reads the TBasket streamer output at the cursor; {@code end} bounds it (or -1). */
    static EmbeddedBasket read(RBuffer b, int end) throws RootIOException {
        b.i32(); // fNbytes
        int keyVersion = b.u16();
        b.i32(); // fObjlen
        b.skip(4); // datime
        int keylen = b.u16();
        b.skip(2); // cycle
        b.skip(keyVersion > 1000 ? 16 : 8);
        b.tstring();
        b.tstring();
        b.tstring();
        b.u16(); // TBasket version
        b.i32(); // fBufferSize
        int nevBufSize = b.i32();
        int nevBuf = b.i32In("fNevBuf", 0, Integer.MAX_VALUE);
        int last = b.i32();
        int flag = b.i8();
        if (flag == 0) {
            return new EmbeddedBasket(0, new byte[0], null);
        }
        int[] offsets = null;
        if (flag % 10 != 2 && nevBuf > 0) {
            int n = b.i32In("entry offset count", 0, b.remaining() / 4);
            if (n < nevBuf) {
                throw b.error("basket has " + nevBuf + " entries but " + n + " entry offsets");
            }
            offsets = new int[nevBuf + 1];
            for (int i = 0; i < n; i++) {
                int v = b.i32();
                if (i < nevBuf) {
                    offsets[i] = (flag > 20 && flag < 40) ? v & ~DISPLACEMENT_MASK : v;
                }
            }
            if (flag > 40) {
                b.skip(4L * b.i32In("displacement count", 0, b.remaining() / 4));
            }
        }
        if (!(flag == 1 || flag > 10)) {
            return new EmbeddedBasket(0, new byte[0], null);
        }
        if (last < keylen || last - keylen > b.remaining()) {
            throw b.error("embedded basket fLast = " + last + " with fKeylen " + keylen
                    + " does not fit the " + b.remaining() + " bytes left");
        }
        b.skip(keylen);
        byte[] data = b.bytes(last - keylen);
        if (offsets != null) {
            for (int i = 0; i < nevBuf; i++) {
                offsets[i] -= keylen;
            }
            offsets[nevBuf] = data.length;
            checkOffsets(b, offsets, data.length);
        } else if (nevBuf > 0 && nevBufSize * (long) nevBuf != data.length) {
            throw b.error("embedded basket of " + nevBuf + " entries of " + nevBufSize
                    + " bytes holds " + data.length + " bytes");
        }
        return new EmbeddedBasket(nevBuf, data, offsets);
    }

    static void checkOffsets(RBuffer b, int[] offsets, int length) throws RootIOException {
        int prev = 0;
        for (int i = 0; i < offsets.length; i++) {
            if (offsets[i] < prev || offsets[i] > length) {
                throw b.error("entry offset " + i + " = " + offsets[i] + " is outside ["
                        + prev + ", " + length + "]");
            }
            prev = offsets[i];
        }
    }
}
