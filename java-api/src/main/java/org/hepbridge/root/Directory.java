package org.hepbridge.root;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A TDirectory's key list. Immutable after reading; sub-directories are read on demand.
 */
final class Directory {
    private static final int RECORD_READ = 64;

    private final RootFile file;
    private final String name;
    private final List<Key> keys;

    private Directory(RootFile file, String name, List<Key> keys) {
        this.file = file;
        this.name = name;
        this.keys = keys;
    }

    /** Reads the directory record at {@code pos} and then its key list. */
    static Directory read(RootFile file, long pos, String name) throws RootIOException {
        String obj = "directory '" + name + "'";
        int len = (int) Math.min(RECORD_READ, Math.max(0, file.size() - pos));
        RBuffer d = RBuffer.ofFile(file.readAt(pos, len, obj), file.path(), obj, pos);
        int version = d.u16();
        d.skip(8); // fDatimeC, fDatimeM
        int nbytesKeys = d.i32In("fNbytesKeys", 0, Integer.MAX_VALUE);
        d.i32(); // fNbytesName
        boolean big = version > 1000;
        d.skip(big ? 16 : 8); // fSeekDir, fSeekParent
        long seekKeys = big ? d.i64() : d.u32();
        if (seekKeys == 0 || nbytesKeys == 0) {
            return new Directory(file, name, List.of());
        }
        return new Directory(file, name, readKeys(file, seekKeys, nbytesKeys, obj));
    }

    private static List<Key> readKeys(RootFile file, long seekKeys, int nbytesKeys, String obj)
            throws RootIOException {
        String what = obj + " key list";
        RBuffer b = RBuffer.ofFile(file.readAt(seekKeys, nbytesKeys, what), file.path(), what,
                seekKeys);
        Key header = Key.read(b);
        b.seek(header.keylen());
        // Each key header takes at least 26 bytes, which bounds a sane count.
        int n = b.i32In("number of keys", 0, b.remaining() / 26);
        List<Key> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keys.add(Key.read(b));
        }
        return List.copyOf(keys);
    }

    List<Key> keys() {
        return keys;
    }

    /** Finds a key by path ("a/b/c", optional ";cycle"), highest cycle by default. */
    Key find(String path) throws RootIOException {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.indexOf('/');
        if (slash >= 0) {
            Key dirKey = findHere(p.substring(0, slash), path);
            if (!isDirectory(dirKey.className())) {
                throw new RootIOException(file.path(), "key '" + dirKey.name() + "'", "is a "
                        + dirKey.className() + ", not a directory, in path '" + path + "'",
                        dirKey.seekKey());
            }
            return sub(dirKey).find(p.substring(slash + 1));
        }
        return findHere(p, path);
    }

    Directory sub(Key dirKey) throws RootIOException {
        return read(file, dirKey.seekKey() + dirKey.keylen(), qualified(dirKey.name()));
    }

    private String qualified(String child) {
        return name.equals("top directory") ? child : name + "/" + child;
    }

    private Key findHere(String nameCycle, String fullPath) throws RootIOException {
        String n = nameCycle;
        int cycle = -1;
        int semi = nameCycle.lastIndexOf(';');
        if (semi >= 0) {
            try {
                cycle = Integer.parseInt(nameCycle.substring(semi + 1));
                n = nameCycle.substring(0, semi);
            } catch (NumberFormatException e) {
                cycle = -1;
            }
        }
        Key best = null;
        for (Key k : keys) {
            if (k.name().equals(n) && (cycle < 0 ? best == null || k.cycle() > best.cycle()
                    : k.cycle() == cycle)) {
                best = k;
            }
        }
        if (best == null) {
            LinkedHashSet<String> names = new LinkedHashSet<>();
            for (Key k : keys) {
                names.add(cycle < 0 ? k.name() : k.name() + ";" + k.cycle());
            }
            throw new RootIOException(file.path(), "key '" + fullPath + "'",
                    "no such key in " + name + Names.suggest(nameCycle, names),
                    RootIOException.NO_OFFSET);
        }
        return best;
    }

    static boolean isDirectory(String className) {
        return className.equals("TDirectoryFile") || className.equals("TDirectory");
    }

    void describe(List<RootFile.KeyInfo> out, String prefix) throws RootIOException {
        for (Key k : keys) {
            out.add(new RootFile.KeyInfo(prefix + k.name(), k.cycle(), k.className(),
                    k.title()));
            if (isDirectory(k.className())) {
                sub(k).describe(out, prefix + k.name() + "/");
            }
        }
    }
}
