package org.hepbridge.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * Layouts no data file here contains, checked on bytes built by hand following ROOT's
 * serialization rules; each expected value is worked out in a comment.
 */
class LayoutUnitTest {
    private static RBuffer buf(byte[] b) {
        return new RBuffer(b, 0, b.length, Path.of("hand.root"), "entry 0", -1, 0);
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    /** Decodes one value of {@code f} and returns Arrow's getObject(0) as text. */
    private static String decode(Form f, byte[] entry) throws Exception {
        FormBuilder b = f.builder();
        RBuffer r = buf(entry);
        b.read(r);
        assertEquals(0, r.remaining(), "whole entry consumed");
        try (BufferAllocator a = new RootAllocator();
                FieldVector v = f.field("x").createVector(a)) {
            b.fill(v);
            return String.valueOf(v.getObject(0));
        }
    }

    // [0, 100, 10]: factor = 2^10 / (100 - 0) = 10.24; the packed 512 means 512 / 10.24 = 50.
    @Test
    void double32WithRange() throws Exception {
        FloatRange r = FloatRange.parse("momentum [0, 100, 10]");
        assertEquals(10.24, r.factor(), 1e-15);
        assertEquals(50.0, r.readDouble32(buf(bytes(0, 0, 2, 0))), 1e-12);
    }

    // [-pi, pi, 16]: factor = 65536 / (2 pi); 32768 packed is half the range: -pi + pi = 0.
    @Test
    void double32WithPiRange() throws Exception {
        FloatRange r = FloatRange.parse("phi[-pi,pi,16]");
        assertEquals(0.0, r.readDouble32(buf(bytes(0, 0, 0x80, 0))), 1e-15);
        assertEquals(-Math.PI, r.readDouble32(buf(bytes(0, 0, 0, 0))), 1e-15);
    }

    // [0, 0, 12]: 1.5f = 0x3FC00000, exponent byte 0x7F, mantissa 0x400000 >> 11 = 0x800;
    // the sign sits in bit nbits+1 = 13 (0x2000), so -1.5 is mantissa 0x2800.
    @Test
    void truncatedMantissa() throws Exception {
        FloatRange r = FloatRange.parse("[0,0,12]");
        assertEquals(12, r.nbits());
        assertEquals(1.5, r.readDouble32(buf(bytes(0x7f, 0x08, 0x00))));
        assertEquals(-1.5, r.readDouble32(buf(bytes(0x7f, 0x28, 0x00))));
        assertEquals(-1.5f, FloatRange.NONE.readFloat16(buf(bytes(0x7f, 0x28, 0x00))));
    }

    // A counted Double32_t leaf "x[n]/d[0,0,12]" holds n packed 3-byte values, no size field:
    // 1.5 (7F 08 00) and -1.5 (7F 28 00) as worked out above.
    @Test
    void countedPackedLeaf() throws Exception {
        FloatRange r = FloatRange.parse("x[n][0,0,12]");
        assertEquals(12, r.nbits(), "the dimension bracket [n] is skipped");
        Form f = new Form.Counted(new Form.Prim1(Prim.F64, Form.Packing.DOUBLE32, r), "x[n]");
        assertEquals("[1.5,-1.5]", decode(f, bytes(0x7f, 0x08, 0x00, 0x7f, 0x28, 0x00)));
    }

    @Test
    void double32WithoutRangeIsAFloat() throws Exception {
        // 0x40490FDB is the float closest to pi.
        assertEquals((double) Float.intBitsToFloat(0x40490FDB),
                FloatRange.NONE.readDouble32(buf(bytes(0x40, 0x49, 0x0F, 0xDB))));
    }

    // vector<vector<int>>: outer header (byte count 22 | 0x40000000, version 9), size 2, then
    // inner vectors without headers: [1: 7] and [0].
    @Test
    void vectorOfVectors() throws Exception {
        Form f = new Forms(null).ofType("std::vector<std::vector<int> >", true);
        byte[] e = bytes(0x40, 0, 0, 18, 0, 9, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 7, 0, 0, 0, 0);
        assertEquals("[[7],[]]", decode(f, e));
    }

    // vector<string>: header, size 2, then "a" (length byte 1) and "" (length byte 0).
    @Test
    void vectorOfStrings() throws Exception {
        Form f = new Forms(null).ofType("vector<string>", true);
        byte[] e = bytes(0x40, 0, 0, 9, 0, 9, 0, 0, 0, 2, 1, 'a', 0);
        assertEquals("[\"a\",\"\"]", decode(f, e));
    }

    // std::string longer than 254 bytes: 255, then a 4-byte length (300), then the bytes.
    @Test
    void longString() throws Exception {
        Form f = new Forms(null).ofType("string", true);
        ByteBuffer bb = ByteBuffer.allocate(5 + 300);
        bb.put((byte) 255).putInt(300).put("x".repeat(300).getBytes(StandardCharsets.US_ASCII));
        assertEquals("x".repeat(300), decode(f, bb.array()));
    }

    // Key version 1004 (> 1000) stores fSeekKey and fSeekPdir in 8 bytes: 2^32 is 4 GiB.
    @Test
    void sixtyFourBitKey() throws Exception {
        ByteBuffer bb = ByteBuffer.allocate(64);
        bb.putInt(1000).putShort((short) 1004).putInt(2000).putInt(0).putShort((short) 60)
                .putShort((short) 3).putLong(1L << 32).putLong(100);
        bb.put((byte) 5).put("TTree".getBytes(StandardCharsets.US_ASCII));
        bb.put((byte) 1).put((byte) 't').put((byte) 0);
        Key k = Key.read(buf(bb.array()));
        assertEquals(4294967296L, k.seekKey());
        assertEquals(100, k.seekPdir());
        assertEquals(3, k.cycle());
        assertEquals("TTree 't;3'", k.describe());
    }

    @Test
    void unknownClassesAreUnsupportedNotGuessed() {
        Forms.Unsupported e = assertThrows(Forms.Unsupported.class,
                () -> new Forms(Streamers.empty()).ofType("vector<MyHit>", true));
        assertEquals("class MyHit has no streamer info in the file", e.getMessage());
        Forms.Unsupported m = assertThrows(Forms.Unsupported.class,
                () -> new Forms(null).ofType("map<int,float>", true));
        assertEquals("container or pointer type map<int,float> is not decoded", m.getMessage());
    }
}
