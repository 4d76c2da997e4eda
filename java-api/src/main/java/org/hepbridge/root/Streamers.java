package org.hepbridge.root;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The file's streamer info record: the layout of every class version stored in the file.
 * Immutable after reading; thread-safe.
 */
final class Streamers {
    private final Map<String, List<StreamerInfo>> byClass = new HashMap<>();

    private Streamers() {
    }

    /** No streamer infos at all (a file without any, or tests). */
    static Streamers empty() {
        return new Streamers();
    }

    static Streamers read(RootFile file, long seekInfo, int nbytesInfo) throws RootIOException {
        Streamers s = new Streamers();
        if (seekInfo == 0 || nbytesInfo == 0) {
            return s;
        }
        byte[] head = file.readAt(seekInfo, nbytesInfo, "StreamerInfo key");
        Key key = Key.read(RBuffer.ofFile(head, file.path(), "StreamerInfo key", seekInfo));
        RBuffer b = file.payload(key);
        Object list = new ObjectReader(null).readObject(b, "TList");
        if (list instanceof RObject r && r.get("items") instanceof List<?> items) {
            for (Object o : items) {
                if (o instanceof StreamerInfo si) {
                    s.byClass.computeIfAbsent(si.className(), k -> new ArrayList<>()).add(si);
                }
            }
        }
        return s;
    }

    /** The layout of {@code cls} at {@code version}; the only/newest one if none matches. */
    StreamerInfo find(String cls, int version) {
        List<StreamerInfo> l = byClass.get(cls);
        if (l == null || l.isEmpty()) {
            return null;
        }
        StreamerInfo best = null;
        for (StreamerInfo si : l) {
            if (si.classVersion() == version) {
                return si;
            }
            if (best == null || si.classVersion() > best.classVersion()) {
                best = si;
            }
        }
        return best;
    }

    /** Any version of {@code cls}, newest first. */
    StreamerInfo any(String cls) {
        return find(cls, Integer.MIN_VALUE);
    }

    Collection<List<StreamerInfo>> all() {
        return byClass.values();
    }

    /** Decodes a TStreamerInfo (called by {@link ObjectReader}). */
    static StreamerInfo readInfo(RBuffer b, ObjectReader r) throws RootIOException {
        RBuffer.Header h = b.header("TStreamerInfo");
        RObject named = new RObject("TNamed");
        ObjectReader.readTNamed(b, named);
        long checksum = b.u32();
        int classVersion = b.i32();
        Object elems = r.readAny(b);
        b.finish(h, "TStreamerInfo");
        List<StreamerElement> elements = new ArrayList<>();
        if (elems instanceof RObject arr && arr.get("items") instanceof List<?> items) {
            for (Object o : items) {
                if (o instanceof StreamerElement e) {
                    elements.add(e);
                }
            }
        }
        return new StreamerInfo(named.str("fName"), classVersion, checksum,
                List.copyOf(elements));
    }

    /** Decodes one TStreamerElement subclass (called by {@link ObjectReader}). */
    static StreamerElement readElement(RBuffer b, String kind) throws RootIOException {
        RBuffer.Header outer = b.header(kind);
        // TStreamerSTLstring wraps a whole TStreamerSTL, header included.
        RBuffer.Header stl = kind.equals("TStreamerSTLstring") ? b.header("TStreamerSTL") : null;
        RBuffer.Header h = b.header("TStreamerElement");
        RObject named = new RObject("TNamed");
        ObjectReader.readTNamed(b, named);
        int type = b.i32();
        int size = b.i32();
        int arrayLength = b.i32();
        b.i32(); // fArrayDim
        if (h.version() == 1) {
            b.skip(4L * b.i32In("fMaxIndex length", 0, b.remaining() / 4));
        } else {
            b.skip(4 * 5); // fMaxIndex[5]
        }
        String typeName = b.tstring();
        if (h.version() == 3) {
            b.skip(3 * 8); // fXmin, fXmax, fFactor
        }
        b.finish(h, "TStreamerElement");
        if ((type == Types.UCHAR || type == Types.UCHAR + Types.OFFSET_L)
                && (typeName.equals("Bool_t") || typeName.equals("bool"))) {
            type += Types.BOOL - Types.UCHAR;
        }
        String countName = "";
        int stlType = 0;
        int ctype = 0;
        switch (kind) {
            case "TStreamerBasicPointer", "TStreamerLoop" -> {
                b.i32(); // fCountVersion
                countName = b.tstring();
                b.tstring(); // fCountClass
            }
            case "TStreamerSTL", "TStreamerSTLstring" -> {
                if ((stl != null ? stl : outer).version() > 2) {
                    stlType = b.i32();
                    ctype = b.i32();
                }
            }
            default -> {
            }
        }
        if (stl != null) {
            b.finish(stl, "TStreamerSTL");
        }
        b.finish(outer, kind);
        return new StreamerElement(kind, named.str("fName"), named.str("fTitle"), type, size,
                arrayLength, typeName, countName, stlType, ctype);
    }
}
