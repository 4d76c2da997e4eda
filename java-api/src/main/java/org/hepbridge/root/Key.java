package org.hepbridge.root;

/**
 * A TKey header: where an object sits in the file and how big it is.
 *
 * @param nbytes bytes on disk including this header
 * @param version key version; above 1000 the seeks are 64-bit
 * @param objlen uncompressed payload size
 * @param keylen header size
 * @param cycle the cycle number
 * @param seekKey file offset of this key
 * @param seekPdir file offset of the directory holding it
 * @param className class of the stored object
 * @param name object name
 * @param title object title
 */
record Key(int nbytes, int version, int objlen, int keylen, int cycle, long seekKey,
        long seekPdir, String className, String name, String title) {

    /** Reads a key header at the cursor, checking its sizes. */
    static Key read(RBuffer b) throws RootIOException {
        int nbytes = b.i32();
        int version = b.u16();
        int objlen = b.i32();
        b.skip(4); // datime
        int keylen = b.u16();
        int cycle = b.u16();
        boolean big = version > 1000;
        long seekKey = big ? b.i64() : b.u32();
        long seekPdir = big ? b.i64() : b.u32();
        String className = b.tstring();
        String name = b.tstring();
        String title = b.tstring();
        if (objlen < 0 || keylen <= 0 || nbytes < keylen) {
            throw b.error("key '" + name + "' has inconsistent sizes: fNbytes " + nbytes
                    + ", fKeylen " + keylen + ", fObjlen " + objlen);
        }
        return new Key(nbytes, version, objlen, keylen, cycle, seekKey, seekPdir, className,
                name, title);
    }

    String describe() {
        return className + " '" + name + ";" + cycle + "'";
    }
}
