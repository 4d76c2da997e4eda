package org.hepbridge.root;

/**
 * Decodes STL members of objects read through their streamer info: std::string and vectors
 * of basic types. Other containers are skipped using their byte count.
 */
final class StlReader {
    private StlReader() {
    }

    static Object read(RBuffer b, StreamerElement e, ObjectReader r) throws RootIOException {
        if (e.type() == Types.STL_STRING || e.typeName().equals("string")
                || e.typeName().equals("std::string")) {
            return b.tstring();
        }
        RBuffer.Header h = b.header(e.typeName());
        Object out = null;
        int ctype = e.ctype();
        if (e.stlType() == 1 && Types.isBasic(ctype) && (h.version() & 0x4000) == 0) {
            int n = b.i32In("vector size", 0, b.remaining());
            out = ObjectReader.readBasicArray(b, ctype, n);
        } else if (h.end() < 0) {
            throw b.error("member " + e.name() + " of type " + e.typeName()
                    + " has no byte count; hepbridge cannot skip it");
        }
        if (h.end() >= 0) {
            b.seek(h.end());
        }
        return out;
    }
}
