package org.hepbridge.root;

/**
 * Loads one basket of a branch: from its own key (decompressing it) or from the copy embedded
 * in the TTree metadata. Stateless; safe to call from several threads.
 */
final class BasketLoader {
    private BasketLoader() {
    }

    /** First entry of basket {@code i}, checked against the tree. */
    static long firstEntry(Branch br, int i) {
        return i < br.basketEntry.length ? br.basketEntry[i] : 0;
    }

    /** Entries in basket {@code i} according to the branch's basket index. */
    static long declaredEntries(Branch br, int i) {
        long first = firstEntry(br, i);
        long next = i + 1 < br.writeBasket + br.embedded.size() && i + 1 < br.basketEntry.length
                ? br.basketEntry[i + 1] : br.entries;
        return next - first;
    }

    static BasketData load(RootFile file, String tree, Branch br, int i) throws RootIOException {
        String obj = "TTree '" + tree + "' branch '" + br.name + "' basket " + i;
        if (i >= br.writeBasket) {
            EmbeddedBasket eb = br.embedded.get(i - br.writeBasket);
            int[] off = eb.offsets();
            return new BasketData(firstEntry(br, i), eb.entries(), eb.buf(), 0, eb.buf().length,
                    off);
        }
        if (i >= br.basketSeek.length || i >= br.basketBytes.length) {
            throw new RootIOException(file.path(), obj, "basket index has only "
                    + br.basketSeek.length + " seeks", RootIOException.NO_OFFSET);
        }
        long seek = br.basketSeek[i];
        long nbytes = br.basketBytes[i];
        if (nbytes <= 0 || nbytes > Integer.MAX_VALUE) {
            throw new RootIOException(file.path(), obj, "basket size " + nbytes
                    + " is not valid", seek);
        }
        byte[] raw = file.readAt(seek, (int) nbytes, obj);
        return fromKey(file, obj, br, i, raw, seek);
    }

    private static BasketData fromKey(RootFile file, String obj, Branch br, int i, byte[] raw,
            long seek) throws RootIOException {
        RBuffer h = RBuffer.ofFile(raw, file.path(), obj, seek);
        Key key = Key.read(h);
        if (key.nbytes() > raw.length) {
            throw h.error("basket key says " + key.nbytes() + " bytes, the branch index says "
                    + raw.length);
        }
        h.u16(); // TBasket version
        h.i32(); // fBufferSize
        h.i32(); // fNevBufSize
        int nevBuf = h.i32In("fNevBuf", 0, Integer.MAX_VALUE);
        int last = h.i32();
        int keylen = key.keylen();
        int border = last - keylen;
        if (border < 0 || border > key.objlen()) {
            throw h.error("basket fLast = " + last + " with fKeylen " + keylen
                    + " is outside the payload of " + key.objlen() + " bytes");
        }
        long declared = declaredEntries(br, i);
        if (declared != nevBuf) {
            throw h.error("basket holds " + nevBuf + " entries, the branch index says "
                    + declared);
        }
        RBuffer payload = payload(raw, key, obj, file, seek);
        int base = payload.absolutePos(); // the cursor is still at the payload start
        int[] offsets = null;
        if (key.objlen() > border) {
            offsets = offsets(payload, border, nevBuf, keylen, base);
        }
        return new BasketData(firstEntry(br, i), nevBuf, payload.array(), base, base + border,
                offsets);
    }

    /**
     * The basket's payload: a window on {@code raw} when it is stored uncompressed (no copy:
     * the basket then costs its size once, not twice), else a new decompressed array.
     */
    private static RBuffer payload(byte[] raw, Key key, String obj, RootFile file, long seek)
            throws RootIOException {
        int stored = key.nbytes() - key.keylen();
        if (stored == key.objlen()) {
            return new RBuffer(raw, key.keylen(), key.nbytes(), file.path(), obj + " payload",
                    seek + key.keylen(), key.keylen());
        }
        var where = new Decompressor.Where(file.path(), obj, seek, 0);
        byte[] out = Decompressor.decompress(raw, key.keylen(), stored, key.objlen(), where);
        return RBuffer.ofPayload(out, file.path(), obj, key.keylen());
    }

    /** Entry offsets as indices into the payload's array (payload start = {@code base}). */
    private static int[] offsets(RBuffer b, int border, int n, int keylen, int base)
            throws RootIOException {
        b.seek(border);
        int count = b.i32In("entry offset count", 0, b.remaining() / 4);
        if (count < n) {
            throw b.error("basket has " + n + " entries but " + count + " entry offsets");
        }
        int[] off = new int[n + 1];
        for (int k = 0; k < n; k++) {
            off[k] = b.i32() - keylen;
        }
        off[n] = border;
        EmbeddedBasket.checkOffsets(b, off, border);
        for (int k = 0; k <= n; k++) {
            off[k] += base;
        }
        return off;
    }
}
