package org.hepbridge.root;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A ROOT file opened for reading, in pure Java.
 *
 * <p>Ownership: the caller owns the instance and must {@link #close()} it; trees obtained from
 * it must not be used after closing. Thread-safety: once opened, a file may be read from several
 * threads (positional reads only); metadata is decoded lazily under a lock.
 */
public final class RootFile implements AutoCloseable {
    private static final int HEADER_READ = 100;
    private static final byte[] MAGIC = "root".getBytes(StandardCharsets.US_ASCII);

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final int version;
    private final Directory top;
    private final long seekInfo;
    private final int nbytesInfo;
    private Streamers streamers;

    private RootFile(Path path, FileChannel channel) throws RootIOException {
        this.path = path;
        this.channel = channel;
        try {
            this.size = channel.size();
        } catch (IOException e) {
            throw new RootIOException(path, "file", "cannot get size: " + e.getMessage(),
                    RootIOException.NO_OFFSET, e);
        }
        RBuffer h = RBuffer.ofFile(readAt(0, (int) Math.min(size, HEADER_READ), "file header"),
                path, "file header", 0);
        checkMagic(h);
        version = h.i32();
        boolean big = version >= 1000000;
        int begin = h.i32In("fBEGIN", 0, Integer.MAX_VALUE);
        long end = big ? h.i64() : h.u32();
        h.skip(big ? 8 : 4); // fSeekFree
        h.skip(8); // fNbytesFree, nfree
        int nbytesName = h.i32In("fNbytesName", 0, Integer.MAX_VALUE);
        h.skip(1 + 4); // fUnits, fCompress
        seekInfo = big ? h.i64() : h.u32();
        nbytesInfo = h.i32In("fNbytesInfo", 0, Integer.MAX_VALUE);
        if (end > size) {
            throw new RootIOException(path, "file header", "fEND = " + end
                    + " is beyond the file size " + size + " (truncated file?)", 12);
        }
        top = Directory.read(this, (long) begin + nbytesName, "top directory");
    }

    /**
     * Opens a ROOT file and reads its header and top-level key list.
     *
     * @throws RootIOException if the file is missing, unreadable or not a ROOT file
     */
    public static RootFile open(Path path) throws RootIOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new RootIOException(path, "file", "no such file", RootIOException.NO_OFFSET, e);
        } catch (IOException e) {
            throw new RootIOException(path, "file", "cannot open: " + e,
                    RootIOException.NO_OFFSET, e);
        }
        try {
            return new RootFile(path, ch);
        } catch (RootIOException | RuntimeException | Error e) {
            closeQuietly(ch, e);
            throw e;
        }
    }

    /** The path this file was opened from. */
    public Path path() {
        return path;
    }

    /** ROOT version that wrote the file, e.g. 61804 (without the large-file flag). */
    public int rootVersion() {
        return version % 1000000;
    }

    /** Top-level key names in file order, each once (the highest cycle wins for lookup). */
    public List<String> keys() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (Key k : top.keys()) {
            names.add(k.name());
        }
        return List.copyOf(names);
    }

    /** Top-level keys with their class names and cycles, as stored. */
    List<Key> rawKeys() {
        return top.keys();
    }

    /** The top-level directory. */
    Directory topDirectory() {
        return top;
    }

    /**
     * Reads the TTree stored under {@code name}; a path like {@code "dir/sub/tree"} descends into
     * sub-directories and {@code "tree;2"} selects a cycle (default: the highest).
     *
     * @throws RootIOException if there is no such tree (the message lists the nearest names) or
     *     its metadata cannot be decoded
     */
    public TTree tree(String name) throws RootIOException {
        Key key = top.find(name);
        if (!TTree.isTreeClass(key.className())) {
            throw new RootIOException(path, "key '" + name + "'", "is a " + key.className()
                    + ", not a TTree", key.seekKey());
        }
        return TTree.read(this, key);
    }

    /** Reads and decompresses the payload of a key. */
    RBuffer payload(Key key) throws RootIOException {
        String obj = key.describe();
        long dataPos = key.seekKey() + key.keylen();
        int stored = key.nbytes() - key.keylen();
        byte[] raw = readAt(dataPos, stored, obj);
        if (stored == key.objlen()) {
            return RBuffer.ofPayload(raw, path, obj, key.keylen());
        }
        var where = new Decompressor.Where(path, obj, dataPos, 0);
        byte[] out = Decompressor.decompress(raw, 0, stored, key.objlen(), where);
        return RBuffer.ofPayload(out, path, obj, key.keylen());
    }

    /** Reads exactly {@code len} bytes at {@code pos}, checking the range against the size. */
    byte[] readAt(long pos, int len, String object) throws RootIOException {
        if (pos < 0 || len < 0 || pos + len > size) {
            throw new RootIOException(path, object, "needs bytes [" + pos + ", " + (pos + len)
                    + ") but the file has " + size + " bytes (truncated or corrupt file?)", pos);
        }
        byte[] out = new byte[len];
        ByteBuffer bb = ByteBuffer.wrap(out);
        try {
            while (bb.hasRemaining()) {
                int n = channel.read(bb, pos + bb.position());
                if (n < 0) {
                    throw new RootIOException(path, object, "unexpected end of file after "
                            + bb.position() + " of " + len + " bytes", pos + bb.position());
                }
            }
        } catch (IOException e) {
            if (e instanceof RootIOException re) {
                throw re;
            }
            throw new RootIOException(path, object, "read failed: " + e, pos, e);
        }
        return out;
    }

    long size() {
        return size;
    }

    /** The file's streamer infos, decoded on first use. */
    synchronized Streamers streamers() throws RootIOException {
        if (streamers == null) {
            streamers = Streamers.read(this, seekInfo, nbytesInfo);
        }
        return streamers;
    }

    /** Releases the file handle. Idempotent. */
    @Override
    public void close() throws RootIOException {
        try {
            channel.close();
        } catch (IOException e) {
            throw new RootIOException(path, "file", "close failed: " + e,
                    RootIOException.NO_OFFSET, e);
        }
    }

    private void checkMagic(RBuffer h) throws RootIOException {
        if (size < MAGIC.length + 4) {
            throw new RootIOException(path, "file header", "not a ROOT file: only " + size
                    + " bytes", 0);
        }
        byte[] m = h.bytes(MAGIC.length);
        for (int i = 0; i < MAGIC.length; i++) {
            if (m[i] != MAGIC[i]) {
                throw new RootIOException(path, "file header", "not a ROOT file: starts with "
                        + quote(m) + ", expected \"root\"", 0);
            }
        }
    }

    private static String quote(byte[] m) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : m) {
            int c = b & 0xff;
            sb.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return sb.append('"').toString();
    }

    private static void closeQuietly(FileChannel ch, Throwable primary) {
        try {
            ch.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }

    /**
     * Every key of the file, sub-directories included, in file order.
     *
     * @throws RootIOException if a sub-directory's key list cannot be read
     */
    public List<KeyInfo> allKeys() throws RootIOException {
        List<KeyInfo> out = new ArrayList<>();
        top.describe(out, "");
        return List.copyOf(out);
    }

    /**
     * One key of a ROOT file.
     *
     * @param path name with its directories, e.g. {@code "dir/mini"}
     * @param cycle the key's cycle number
     * @param className the class of the stored object
     * @param title the object's title
     */
    public record KeyInfo(String path, int cycle, String className, String title) {
        /** True for TTree (and TNtuple) keys, which {@link RootFile#tree} opens. */
        public boolean isTree() {
            return TTree.isTreeClass(className);
        }
    }
}
