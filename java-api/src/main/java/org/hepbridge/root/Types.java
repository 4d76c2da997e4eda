package org.hepbridge.root;

/** ROOT's streamer type codes (TVirtualStreamerInfo::EReadWrite) used by the reader. */
final class Types {
    static final int BASE = 0;
    static final int CHAR = 1;
    static final int SHORT = 2;
    static final int INT = 3;
    static final int LONG = 4;
    static final int FLOAT = 5;
    static final int COUNTER = 6;
    static final int CHAR_STAR = 7;
    static final int DOUBLE = 8;
    static final int DOUBLE32 = 9;
    static final int LEGACY_CHAR = 10;
    static final int UCHAR = 11;
    static final int USHORT = 12;
    static final int UINT = 13;
    static final int ULONG = 14;
    static final int BITS = 15;
    static final int LONG64 = 16;
    static final int ULONG64 = 17;
    static final int BOOL = 18;
    static final int FLOAT16 = 19;
    static final int OFFSET_L = 20;
    static final int OFFSET_P = 40;
    static final int OBJECT = 61;
    static final int ANY = 62;
    static final int OBJECT_P_ARROW = 63;
    static final int OBJECT_P = 64;
    static final int TSTRING = 65;
    static final int TOBJECT = 66;
    static final int TNAMED = 67;
    static final int ANY_P_ARROW = 68;
    static final int ANY_P = 69;
    static final int ANY_P_NO_VT = 70;
    static final int STL_P = 71;
    static final int STL = 300;
    static final int STL_STRING = 365;
    static final int STREAMER = 500;
    static final int STREAM_LOOP = 501;

    private Types() {
    }

    /** True for the basic numeric codes 1..19. */
    static boolean isBasic(int t) {
        return t >= CHAR && t <= FLOAT16 && t != CHAR_STAR;
    }

    /** Bytes on disk for a basic code (Double32/Float16 without range: 4). */
    static int diskSize(int t) {
        return switch (t) {
            case CHAR, UCHAR, BOOL, LEGACY_CHAR -> 1;
            case SHORT, USHORT -> 2;
            case INT, UINT, COUNTER, BITS, FLOAT, DOUBLE32, FLOAT16 -> 4;
            case LONG, ULONG, LONG64, ULONG64, DOUBLE -> 8;
            default -> -1;
        };
    }
}
