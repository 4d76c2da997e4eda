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
    static List<Branch> flatten(RObject tree) {
        List<Branch> out = new ArrayList<>();
        for (Object o : tree.items("fBranches")) {
            if (o instanceof RObject b) {
                add(b, out);
            }
        }
        return out;
    }

    private static void add(RObject b, List<Branch> out) {
        List<Object> subs = b.items("fBranches");
        if (subs.isEmpty()) {
            out.add(interpret(b));
            return;
        }
        for (Object o : subs) {
            if (o instanceof RObject s) {
                add(s, out);
            }
        }
    }

    private static Branch interpret(RObject b) {
        List<Object> leaves = b.items("fLeaves");
        if (leaves.size() != 1 || !(leaves.get(0) instanceof RObject leaf)) {
            return new Branch(b, null, "branch has " + leaves.size()
                    + " leaves (leaf lists are not decoded)");
        }
        if (b.className().equals("TBranchElement")) {
            return element(b, leaf);
        }
        return plain(b, leaf);
    }

    private static Branch plain(RObject b, RObject leaf) {
        String lc = leaf.className();
        if (lc.equals("TLeafC")) {
            return new Branch(b, new Interp(Interp.Kind.CSTRING, Prim.U8, 1, "char*", null), null);
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

    private static Branch element(RObject b, RObject leaf) {
        String cls = b.str("fClassName");
        int type = (int) b.num("fType", 0);
        if (type == 0 && cls.startsWith("vector<") && cls.endsWith(">")) {
            Prim p = Prim.ofTypeName(cls.substring(7, cls.length() - 1));
            if (p != null) {
                return new Branch(b, new Interp(Interp.Kind.VECTOR, p, 1, cls, null), null);
            }
        }
        return new Branch(b, null, "TBranchElement of class " + cls + " (fType " + type
                + ", fStreamerType " + b.num("fStreamerType", 0) + ", leaf "
                + leaf.className() + ") is not decoded");
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
