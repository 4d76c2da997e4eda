package org.hepbridge.root;

import java.util.ArrayList;
import java.util.List;

/**
 * One branch of a tree with its basket index and its interpretation (or the reason it has
 * none). Immutable; thread-safe.
 */
final class Branch {
    final String name;
    final String className;
    final long entries;
    final int writeBasket;
    final long[] basketEntry;
    final long[] basketSeek;
    final long[] basketBytes;
    final List<EmbeddedBasket> embedded;
    final Interp interp;
    final String unsupported;

    private Branch(RObject raw, Interp interp, String unsupported) {
        this.name = raw.str("fName");
        this.className = raw.className();
        this.entries = raw.num("fEntries", 0);
        this.writeBasket = (int) raw.num("fWriteBasket", 0);
        this.basketEntry = longs(raw.get("fBasketEntry"));
        this.basketSeek = longs(raw.get("fBasketSeek"));
        this.basketBytes = longs(raw.get("fBasketBytes"));
        List<EmbeddedBasket> emb = new ArrayList<>();
        for (Object o : raw.items("fBaskets")) {
            if (o instanceof EmbeddedBasket eb && eb.entries() > 0) {
                emb.add(eb);
            }
        }
        this.embedded = List.copyOf(emb);
        this.interp = interp;
        this.unsupported = unsupported;
    }

    private static long[] longs(Object o) {
        return o instanceof long[] a ? a : new long[0];
    }

    /** All data-carrying branches of a tree, depth first, sub-branches after their parent. */
    static List<Branch> flatten(RObject tree, Forms forms) {
        List<Branch> out = new ArrayList<>();
        for (Object o : tree.items("fBranches")) {
            if (o instanceof RObject b) {
                add(b, out, forms);
            }
        }
        return out;
    }

    private static void add(RObject b, List<Branch> out, Forms forms) {
        List<Object> subs = b.items("fBranches");
        if (subs.isEmpty()) {
            out.add(interpret(b, forms));
            return;
        }
        for (Object o : subs) {
            if (o instanceof RObject s) {
                add(s, out, forms);
            }
        }
    }

    private static Branch interpret(RObject b, Forms forms) {
        List<Object> leaves = b.items("fLeaves");
        if (leaves.size() != 1 || !(leaves.get(0) instanceof RObject leaf)) {
            return new Branch(b, null, "branch has " + leaves.size()
                    + " leaves (leaf lists are not decoded)");
        }
        if (b.className().equals("TBranchElement")) {
            return element(b, leaf, forms);
        }
        return plain(b, leaf);
    }

    private static Branch plain(RObject b, RObject leaf) {
        String lc = leaf.className();
        if (lc.equals("TLeafC")) {
            return new Branch(b, new Interp(Interp.Kind.CSTRING, Prim.U8, 1, "char*", null), null);
        }
        if (lc.equals("TLeafD32") || lc.equals("TLeafF16")) {
            return packed(b, leaf, lc.equals("TLeafD32"));
        }
        Prim p = switch (lc) {
            case "TLeafO" -> Prim.BOOL;
            case "TLeafB" -> Prim.I8;
            case "TLeafS" -> Prim.I16;
            case "TLeafI" -> Prim.I32;
            case "TLeafL", "TLeafG" -> Prim.I64;
            case "TLeafF" -> Prim.F32;
            case "TLeafD" -> Prim.F64;
            default -> null;
        };
        if (p == null) {
            return new Branch(b, null, "leaf class " + lc + " is not decoded");
        }
        if (leaf.num("fIsUnsigned", 0) != 0) {
            p = p.unsigned();
        }
        return new Branch(b, shaped(leaf, p, p.rootName), null);
    }

    /** Double32_t / Float16_t leaves: the range is in the leaf title, as "x[0,10,12]". */
    private static Branch packed(RObject b, RObject leaf, boolean d32) {
        FloatRange range;
        try {
            range = FloatRange.parse(leaf.str("fTitle"));
        } catch (IllegalArgumentException e) {
            return new Branch(b, null, "leaf " + leaf.className() + " title '"
                    + leaf.str("fTitle") + "' has an unreadable range: " + e.getMessage());
        }
        Form.Prim1 item = d32 ? new Form.Prim1(Prim.F64, Form.Packing.DOUBLE32, range)
                : new Form.Prim1(Prim.F32, Form.Packing.FLOAT16, range);
        int len = (int) Math.max(1, leaf.num("fLen", 1));
        Form inner = len > 1 ? new Form.FixedF(item, len) : item;
        if (leaf.get("fLeafCount") instanceof RObject count) {
            return new Branch(b, Interp.object(new Form.Counted(inner, item.typeName() + "["
                    + count.str("fName") + "]")), null);
        }
        return new Branch(b, Interp.object(inner), null);
    }

    /** Scalar, fixed array or counted array, from the leaf's length and count leaf. */
    private static Interp shaped(RObject leaf, Prim p, String typeName) {
        int len = (int) Math.max(1, leaf.num("fLen", 1));
        String dims = dims(leaf.str("fTitle"));
        if (leaf.get("fLeafCount") instanceof RObject count) {
            return new Interp(Interp.Kind.COUNTED, p, len, typeName + dims, count.str("fName"));
        }
        if (len > 1) {
            return new Interp(Interp.Kind.FIXED, p, len, typeName + dims, null);
        }
        return new Interp(Interp.Kind.SCALAR, p, 1, typeName, null);
    }

    private static String dims(String title) {
        int i = title.indexOf('[');
        int slash = title.indexOf('/');
        String d = i < 0 ? "" : title.substring(i);
        return slash > i && i >= 0 ? title.substring(i, slash) : d;
    }

    private static Branch element(RObject b, RObject leaf, Forms forms) {
        String cls = b.str("fClassName");
        int type = (int) b.num("fType", 0);
        int streamerType = (int) b.num("fStreamerType", 0);
        int id = (int) b.num("fID", -1);
        int leafType = (int) leaf.num("fType", 0);
        if (type == 0 && cls.startsWith("vector<") && cls.endsWith(">")) {
            Prim p = Prim.ofTypeName(Forms.normalize(cls.substring(7, cls.length() - 1)));
            if (p != null) {
                return new Branch(b, new Interp(Interp.Kind.VECTOR, p, 1, cls, null), null);
            }
        }
        try {
            if (streamerType == Types.TSTRING) {
                return new Branch(b, Interp.object(new Form.Str(false, "TString")), null);
            }
            if ((type == 0 || type == -1) && id < 0) {
                return new Branch(b, Interp.object(forms.ofType(cls, true)), null);
            }
            return new Branch(b, splitMember(b, leaf, type, leafType), null);
        } catch (Forms.Unsupported e) {
            return new Branch(b, null, "TBranchElement '" + b.str("fName") + "' of class "
                    + cls + " (fType " + type + ", fStreamerType " + streamerType + ", leaf "
                    + leaf.className() + "): " + e.getMessage());
        }
    }

    /** A basic-typed member of a split object (fType 0) or of a split collection (31, 41). */
    private static Interp splitMember(RObject b, RObject leaf, int type, int leafType)
            throws Forms.Unsupported {
        Prim p = Prim.ofCode(leafType);
        if (p == null) {
            Prim arr = leafType > Types.OFFSET_L ? Prim.ofCode(leafType - Types.OFFSET_L) : null;
            if (type == 0 && arr != null && leaf.num("fLen", 1) > 1) {
                return new Interp(Interp.Kind.FIXED, arr, (int) leaf.num("fLen", 1),
                        arr.rootName + dims(leaf.str("fTitle")), null);
            }
            throw new Forms.Unsupported("split member with streamer type code " + leafType
                    + " is not decoded");
        }
        if (type == 0) {
            return new Interp(Interp.Kind.SCALAR, p, 1, p.rootName, null);
        }
        if (type == 31 || type == 41) {
            String count = b.get("fBranchCount") instanceof RObject c ? c.str("fName") : "?";
            return new Interp(Interp.Kind.COUNTED, p, 1, p.rootName + "[" + count + "]", count);
        }
        throw new Forms.Unsupported("split branch type " + type + " is not decoded");
    }

    BranchInfo info() {
        if (interp == null) {
            return new BranchInfo(name, className, null, false, entries, unsupported);
        }
        return new BranchInfo(name, interp.rootType(), interp.arrowType(), interp.jagged(),
                entries);
    }

    /** Number of baskets, counting the embedded ones. */
    int basketCount() {
        return writeBasket + embedded.size();
    }
}
