package org.hepbridge.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hepbridge.testing.TestData;

/**
 * Real files with crafted damage (lying sizes, bad offsets, spoiled compressed data) fail with
 * a RootIOException naming the file, the object and the offset; nothing allocates what a
 * lying size asks for.
 */
class HostileFileTest {
    @TempDir
    Path tmp;

    private static byte[] bytes(String rel) throws Exception {
        return Files.readAllBytes(TestData.require(rel));
    }

    private Path write(String name, byte[] b) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, b);
        return p;
    }

    /** Replaces every copy of a key header's (fNbytes, fVersion, fObjlen) triple. */
    private static int patchObjlen(byte[] file, Key k, int objlen) {
        ByteBuffer bb = ByteBuffer.wrap(file);
        int hits = 0;
        for (int i = 0; i + 10 <= file.length; i++) {
            if (bb.getInt(i) == k.nbytes() && (bb.getShort(i + 4) & 0xffff) == k.version()
                    && bb.getInt(i + 6) == k.objlen()) {
                bb.putInt(i + 6, objlen);
                hits++;
            }
        }
        return hits;
    }

    private static Key treeKey(Path p, String name) throws Exception {
        try (RootFile f = RootFile.open(p)) {
            return f.topDirectory().find(name);
        }
    }

    private static RootIOException readAll(Path p, String tree) {
        return assertThrows(RootIOException.class, () -> {
            try (RootFile f = RootFile.open(p); BufferAllocator a = new RootAllocator()) {
                TTree t = f.tree(tree);
                t.read(a, t.branches().stream().map(BranchInfo::name).toList()).close();
            }
        });
    }

    @Test
    void hugeDeclaredObjectLength() throws Exception {
        byte[] b = bytes("atlas-opendata-13tev-2020-4lep/data_A.4lep.root");
        Key k = treeKey(TestData.atlas4lep("A"), "mini");
        assertEquals(2, patchObjlen(b, k, 0x7ffffff0), "key list copy and key header");
        Path p = write("huge.root", b);
        RootIOException e = readAll(p, "mini");
        long payload = k.seekKey() + k.keylen();
        assertTrue(e.getMessage().startsWith(p + ": TTree 'mini;1': compressed block header "
                + "needs 9 bytes but 0 remain; "), e.getMessage());
        assertTrue(e.getMessage().endsWith("of 2147483632 bytes decoded (offset "
                + (payload + k.nbytes() - k.keylen()) + ")"), e.getMessage());
    }

    @Test
    void keyListBeyondTheFile() throws Exception {
        byte[] b = bytes("atlas-opendata-13tev-2020-4lep/data_A.4lep.root");
        ByteBuffer bb = ByteBuffer.wrap(b);
        int begin = bb.getInt(8);
        int nbytesName = bb.getInt(28); // after magic, fVersion, fBEGIN, fEND, fSeekFree,
        // fNbytesFree and nfree (4 bytes each in a small file)
        int dir = begin + nbytesName;
        // Small-file TDirectory: version(2) datimes(8) nbytesKeys(4) nbytesName(4) seekDir(4)
        // seekParent(4) seekKeys(4).
        bb.putInt(dir + 2 + 8 + 4 + 4 + 4 + 4, 0x7ff00000);
        Path p = write("seekkeys.root", b);
        RootIOException e = assertThrows(RootIOException.class, () -> RootFile.open(p));
        assertTrue(e.getMessage().startsWith(p + ": directory 'top directory' key list: needs "
                + "bytes [2146435072, "), e.getMessage());
        assertTrue(e.getMessage().endsWith(") but the file has 25826 bytes (truncated or "
                + "corrupt file?) (offset 2146435072)"), e.getMessage());
    }

    /** A truncated file whose header was patched to match: baskets past the end fail. */
    @Test
    void basketsPastTheEnd() throws Exception {
        byte[] whole = bytes("scikit-hep-testdata/uproot-HZZ-zlib.root");
        int cut = whole.length * 3 / 4;
        byte[] b = Arrays.copyOf(whole, cut);
        ByteBuffer.wrap(b).putInt(12, cut); // fEND
        Path p = write("cut.root", b);
        RootIOException e;
        try (RootFile f = RootFile.open(p); BufferAllocator a = new RootAllocator()) {
            TTree t = f.tree("events");
            e = assertThrows(RootIOException.class,
                    () -> t.read(a, t.branches().stream().map(BranchInfo::name).toList()));
            assertEquals(0, a.getAllocatedMemory());
        } catch (RootIOException metadataGone) {
            e = metadataGone;
        }
        assertTrue(e.getMessage().matches("\\Q" + p + ": \\E.*(needs bytes \\[\\d+, \\d+\\) but "
                + "the file has " + cut + " bytes).*\\(offset \\d+\\)"), e.getMessage());
    }

    @Test
    void spoiledZlibStream() throws Exception {
        byte[] b = bytes("atlas-opendata-13tev-2020-4lep/data_A.4lep.root");
        Key k = treeKey(TestData.atlas4lep("A"), "mini");
        int data = (int) (k.seekKey() + k.keylen()) + 9; // first block's deflate stream
        for (int i = data + 2; i < data + 40; i++) {
            b[i] = (byte) ~b[i];
        }
        Path p = write("zlib.root", b);
        RootIOException e = readAll(p, "mini");
        assertTrue(e.getMessage().startsWith(p + ": TTree 'mini;1': corrupt ZLIB block: "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("(offset " + (data - 9) + ")"), e.getMessage());
    }

    @Test
    void lz4ChecksumMismatch() throws Exception {
        Path orig = TestData.require("scikit-hep-testdata/uproot-HZZ-lz4.root");
        byte[] b = Files.readAllBytes(orig);
        long seek;
        int keylen;
        try (RootFile f = RootFile.open(orig)) {
            Branch px = f.tree("events").find("Muon_Px");
            seek = px.basketSeek[0];
            keylen = Key.read(RBuffer.ofFile(f.readAt(seek, 200, "k"), orig, "k", seek)).keylen();
        }
        int block = (int) seek + keylen;
        assertEquals("L4", new String(b, block, 2, java.nio.charset.StandardCharsets.US_ASCII));
        b[block + 9 + 8 + 20] ^= 0x01; // one bit of the compressed data, after the checksum
        Path p = write("lz4.root", b);
        try (RootFile f = RootFile.open(p); BufferAllocator a = new RootAllocator()) {
            RootIOException e = assertThrows(RootIOException.class,
                    () -> f.tree("events").read(a, List.of("Muon_Px")));
            assertTrue(e.getMessage().startsWith(p + ": TTree 'events' branch 'Muon_Px' basket 0:"
                    + " LZ4 block checksum mismatch: stored "), e.getMessage());
            assertTrue(e.getMessage().endsWith("(offset " + block + ")"), e.getMessage());
        }
    }

    /** A std::vector entry claiming 2^31-1 values in a 14-byte entry. */
    @Test
    void vectorSizeLargerThanItsEntry() {
        byte[] entry = {0x40, 0, 0, 10, 0, 9, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            0, 0, 0, 0};
        BasketData d = new BasketData(5, 1, entry, 0, entry.length, new int[] {0, 14});
        Interp in = new Interp(Interp.Kind.VECTOR, Prim.F32, 1, "vector<float>", null);
        Column col = new Column(16, true, 1);
        RBuffer ctx = new RBuffer(entry, 0, entry.length, Path.of("x.root"), "basket", -1, 0);
        RootIOException e = assertThrows(RootIOException.class,
                () -> ColumnDecoder.decode(in, d, 0, 1, col, ctx));
        assertEquals("x.root: basket: entry 5 is not a vector of 2147483647 values of 4 bytes: "
                + "it has 14 bytes (offset 0)", e.getMessage());
    }

    /** Objects decoded through forms: a list size beyond the entry is refused before use. */
    @Test
    void objectListSizeBeyondTheEntry() {
        byte[] entry = {0x40, 0, 0, 8, 0, 9, 0x10, 0, 0, 0, 1, 2};
        Form f = new Form.ListF(new Form.Prim1(Prim.F64, Form.Packing.PLAIN, FloatRange.NONE),
                true, "vector<double>");
        RBuffer b = new RBuffer(entry, 0, entry.length, Path.of("x.root"), "entry 3", -1, 0);
        RootIOException e = assertThrows(RootIOException.class, () -> f.builder().read(b));
        // 12 bytes - 6 (header) - 4 (size) leave 2 bytes: room for no 8-byte double.
        assertEquals("x.root: entry 3: vector<double> size = 268435456 is outside [0, 0] "
                + "(offset 6)", e.getMessage());
    }
}
