package org.hepbridge.root;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes serialized ROOT objects from one key's payload, driven by the file's streamer infos.
 *
 * <p>A few classes whose streamers are hand-written in ROOT (TObject, TNamed, TList, TObjArray,
 * TObjString, TArray*, the TStreamer* classes and embedded TBaskets) are decoded here directly;
 * all others follow their TStreamerInfo. One instance per payload: it holds the payload's
 * object/class reference map. Not thread-safe.
 */
final class ObjectReader {
    private static final long CLASS_MASK = 0x80000000L;
    private static final long NEW_CLASS_TAG = 0xFFFFFFFFL;
    private static final int MAP_OFFSET = 2;
    private static final int MAX_DEPTH = 64;

    private final Streamers streamers;
    private final Map<Long, Object> refs = new HashMap<>();
    private int depth;

    /** @param streamers the file's streamer infos, or null while reading them */
    ObjectReader(Streamers streamers) {
        this.streamers = streamers;
    }

    /** A class seen in the reference map. */
    private record ClassRef(String name) {
    }

    /** Reads a pointer-to-object (ROOT's ReadObjectAny); returns null for a null pointer. */
    Object readAny(RBuffer b) throws RootIOException {
        long beg = b.refPos();
        int begPos = b.pos();
        long bcnt = b.u32();
        boolean counted = (bcnt & RBuffer.BYTE_COUNT_MASK) != 0 && bcnt != NEW_CLASS_TAG;
        long tag = bcnt;
        long start = 0;
        int end = -1;
        if (counted) {
            long count = bcnt & ~RBuffer.BYTE_COUNT_MASK;
            if (count > b.limit() - begPos - 4L) {
                throw b.error("object byte count " + count + " exceeds the "
                        + (b.limit() - begPos - 4) + " bytes left");
            }
            end = (int) (begPos + 4 + count);
            start = b.refPos();
            tag = b.u32();
        }
        if ((tag & CLASS_MASK) == 0) {
            return reference(b, tag, end);
        }
        String cls = className(b, tag, counted, start);
        long key = counted ? beg + MAP_OFFSET : refs.size() + 1L;
        Object obj = readBody(b, cls, end, key);
        refs.put(key, obj);
        if (end >= 0) {
            if (b.pos() > end) {
                throw b.error(cls + " object read past its byte count ("
                        + (b.pos() - begPos) + " > " + (end - begPos) + " bytes)");
            }
            b.seek(end);
        }
        return obj;
    }

    private Object reference(RBuffer b, long tag, int end) throws RootIOException {
        if (tag == 0) {
            return null;
        }
        Object o = refs.get(tag);
        if (o == null || o instanceof ClassRef) {
            if (end >= 0) {
                b.seek(end);
                return null;
            }
            throw b.error("reference to unknown object at map offset " + tag);
        }
        return o;
    }

    private String className(RBuffer b, long tag, boolean counted, long start)
            throws RootIOException {
        if (tag == NEW_CLASS_TAG) {
            String cls = b.cstring();
            refs.put(counted ? start + MAP_OFFSET : refs.size() + 1L, new ClassRef(cls));
            return cls;
        }
        long ref = tag & ~CLASS_MASK;
        if (refs.get(ref) instanceof ClassRef c) {
            return c.name();
        }
        throw b.error("class reference " + ref + " does not name a class seen before");
    }

    private Object readBody(RBuffer b, String cls, int end, long key) throws RootIOException {
        if (++depth > MAX_DEPTH) {
            throw b.error("objects nested deeper than " + MAX_DEPTH + " levels");
        }
        try {
            if (cls.equals("TBasket")) {
                return EmbeddedBasket.read(b, end);
            }
            RObject holder = new RObject(cls);
            refs.put(key, holder);
            return readObjectInto(b, cls, holder, end);
        } finally {
            depth--;
        }
    }

    /** Reads an object streamed inline (not through a pointer). */
    Object readObject(RBuffer b, String cls) throws RootIOException {
        if (++depth > MAX_DEPTH) {
            throw b.error("objects nested deeper than " + MAX_DEPTH + " levels");
        }
        try {
            return readObjectInto(b, cls, new RObject(cls), -1);
        } finally {
            depth--;
        }
    }

    private Object readObjectInto(RBuffer b, String cls, RObject o, int end)
            throws RootIOException {
        switch (cls) {
            case "TObject" -> readTObject(b, o);
            case "TNamed" -> readTNamed(b, o);
            case "TList", "THashList" -> readTList(b, o);
            case "TObjArray" -> readTObjArray(b, o);
            case "TObjString" -> readTObjString(b, o);
            case "TArrayC", "TArrayS", "TArrayI", "TArrayL", "TArrayL64", "TArrayF", "TArrayD" -> {
                return readTArray(b, cls);
            }
            case "TStreamerInfo" -> {
                return Streamers.readInfo(b, this);
            }
            default -> {
                if (cls.startsWith("TStreamer")) {
                    return Streamers.readElement(b, cls);
                }
                readGeneric(b, cls, o, end);
            }
        }
        return o;
    }

    private void readGeneric(RBuffer b, String cls, RObject o, int end) throws RootIOException {
        RBuffer.Header h = b.header(cls);
        o.version(h.version());
        StreamerInfo si = streamers == null ? null : streamers.find(cls, h.version());
        if (si == null) {
            int stop = h.end() >= 0 ? h.end() : end;
            if (stop < 0) {
                throw b.error("no streamer info for class " + cls + " version " + h.version()
                        + " and no byte count to skip it");
            }
            b.seek(stop);
            o.markSkipped();
            return;
        }
        readMembers(b, si, o);
        b.finish(h, cls);
    }

    /** Reads the members described by {@code si} into {@code o}. */
    void readMembers(RBuffer b, StreamerInfo si, RObject o) throws RootIOException {
        for (StreamerElement e : si.elements()) {
            if (e.isBase()) {
                readBase(b, e, o);
            } else {
                o.put(e.name(), readMember(b, e, o));
            }
        }
    }

    private void readBase(RBuffer b, StreamerElement e, RObject o) throws RootIOException {
        switch (e.name()) {
            case "TObject" -> readTObject(b, o);
            case "TNamed" -> readTNamed(b, o);
            default -> readGeneric(b, e.name(), o, -1);
        }
    }

    private Object readMember(RBuffer b, StreamerElement e, RObject o) throws RootIOException {
        int t = e.type();
        if (Types.isBasic(t)) {
            return readBasic(b, t);
        }
        if (t > Types.OFFSET_L && t < Types.OFFSET_L + 20) {
            return readBasicArray(b, t - Types.OFFSET_L, e.arrayLength());
        }
        if (t > Types.OFFSET_P && t < Types.OFFSET_P + 20) {
            return readCountedArray(b, e, o);
        }
        return switch (t) {
            case Types.TSTRING -> e.arrayLength() > 0 ? readStrings(b, e.arrayLength())
                    : b.tstring();
            case Types.CHAR_STAR -> readCharStar(b);
            case Types.OBJECT, Types.ANY, Types.TOBJECT, Types.TNAMED,
                    Types.OBJECT_P_ARROW, Types.ANY_P_ARROW -> readInlineObjects(b, e);
            case Types.OBJECT_P, Types.ANY_P, Types.STL_P, Types.ANY_P_NO_VT -> readPointers(b, e);
            case Types.STL, Types.STL_STRING -> StlReader.read(b, e, this);
            default -> throw b.error("member " + e.name() + " of type " + e.typeName()
                    + " uses streamer code " + t + ", which hepbridge does not decode");
        };
    }

    private Object readInlineObjects(RBuffer b, StreamerElement e) throws RootIOException {
        String cls = stripPointer(e.typeName());
        if (e.arrayLength() <= 1) {
            return readObject(b, cls);
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < e.arrayLength(); i++) {
            out.add(readObject(b, cls));
        }
        return out;
    }

    private Object readPointers(RBuffer b, StreamerElement e) throws RootIOException {
        if (e.arrayLength() <= 1) {
            return readAny(b);
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < e.arrayLength(); i++) {
            out.add(readAny(b));
        }
        return out;
    }

    static String stripPointer(String typeName) {
        String s = typeName.strip();
        while (s.endsWith("*")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    static Object readBasic(RBuffer b, int t) throws RootIOException {
        return switch (t) {
            case Types.CHAR, Types.LEGACY_CHAR -> b.i8();
            case Types.UCHAR -> b.u8();
            case Types.SHORT -> b.i16();
            case Types.USHORT -> b.u16();
            case Types.INT, Types.COUNTER -> b.i32();
            case Types.UINT, Types.BITS -> b.u32();
            case Types.LONG, Types.LONG64, Types.ULONG, Types.ULONG64 -> b.i64();
            case Types.FLOAT -> b.f32();
            case Types.DOUBLE -> b.f64();
            case Types.DOUBLE32, Types.FLOAT16 -> (double) b.f32();
            case Types.BOOL -> b.bool();
            default -> throw b.error("basic type code " + t + " is not known");
        };
    }

    /** Fixed or counted array of basic values: long[] for integers, double[] for floats. */
    static Object readBasicArray(RBuffer b, int t, long n) throws RootIOException {
        int size = Types.diskSize(t);
        if (size < 0) {
            throw b.error("array of type code " + t + " is not supported");
        }
        b.need(n * size, "an array of " + n + " values");
        boolean floating = t == Types.FLOAT || t == Types.DOUBLE || t == Types.DOUBLE32
                || t == Types.FLOAT16;
        if (floating) {
            double[] d = new double[(int) n];
            for (int i = 0; i < n; i++) {
                d[i] = ((Number) readBasic(b, t)).doubleValue();
            }
            return d;
        }
        long[] v = new long[(int) n];
        for (int i = 0; i < n; i++) {
            Object x = readBasic(b, t);
            v[i] = x instanceof Boolean z ? (z ? 1 : 0) : ((Number) x).longValue();
        }
        return v;
    }

    private Object readCountedArray(RBuffer b, StreamerElement e, RObject o)
            throws RootIOException {
        int flag = b.u8();
        if (flag == 0) {
            return null;
        }
        long n = o.num(e.countName(), -1);
        if (n < 0) {
            throw b.error("array " + e.name() + " counted by " + e.countName()
                    + ", which was not read before it");
        }
        return readBasicArray(b, e.type() - Types.OFFSET_P, n);
    }

    private static String[] readStrings(RBuffer b, int n) throws RootIOException {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = b.tstring();
        }
        return s;
    }

    private static String readCharStar(RBuffer b) throws RootIOException {
        int n = b.i32In("char* length", 0, b.remaining());
        return new String(b.bytes(n), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static void readTObject(RBuffer b, RObject o) throws RootIOException {
        int version = b.header("TObject").version();
        if ((version & 0x4000) != 0) {
            throw b.error("TObject version " + version + " has an unexpected flag");
        }
        o.put("fUniqueID", b.u32());
        long bits = b.u32();
        o.put("fBits", bits);
        if ((bits & (1 << 4)) != 0) {
            b.skip(2); // the process id of a referenced object
        }
    }

    static void readTNamed(RBuffer b, RObject o) throws RootIOException {
        RBuffer.Header h = b.header("TNamed");
        readTObject(b, o);
        o.put("fName", b.tstring());
        o.put("fTitle", b.tstring());
        b.finish(h, "TNamed");
    }

    private void readTList(RBuffer b, RObject o) throws RootIOException {
        RBuffer.Header h = b.header("TList");
        o.version(h.version());
        if (h.version() > 3) {
            readTObject(b, o);
            o.put("fName", b.tstring());
        }
        int n = b.i32In("TList size", 0, b.remaining() / 4);
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(readAny(b));
            b.skip(b.u8()); // the option string
        }
        o.put("items", items);
        b.finish(h, "TList");
    }

    private void readTObjArray(RBuffer b, RObject o) throws RootIOException {
        RBuffer.Header h = b.header("TObjArray");
        o.version(h.version());
        if (h.version() > 2) {
            readTObject(b, o);
        }
        if (h.version() > 1) {
            o.put("fName", b.tstring());
        }
        int n = b.i32In("TObjArray size", 0, b.remaining() / 4);
        b.i32(); // lower bound
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(readAny(b));
        }
        o.put("items", items);
        b.finish(h, "TObjArray");
    }

    private static void readTObjString(RBuffer b, RObject o) throws RootIOException {
        RBuffer.Header h = b.header("TObjString");
        readTObject(b, o);
        o.put("fString", b.tstring());
        b.finish(h, "TObjString");
    }

    private static Object readTArray(RBuffer b, String cls) throws RootIOException {
        int n = b.i32In(cls + " size", 0, b.remaining());
        int t = switch (cls) {
            case "TArrayC" -> Types.CHAR;
            case "TArrayS" -> Types.SHORT;
            case "TArrayI" -> Types.INT;
            case "TArrayL", "TArrayL64" -> Types.LONG64;
            case "TArrayF" -> Types.FLOAT;
            default -> Types.DOUBLE;
        };
        return readBasicArray(b, t, n);
    }
}
