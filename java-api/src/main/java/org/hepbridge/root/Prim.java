package org.hepbridge.root;

import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** A basic value type stored in a branch, with its on-disk width and Arrow type. */
enum Prim {
    BOOL(1, "Bool_t", "bool", ArrowType.Bool.INSTANCE),
    I8(1, "Char_t", "char", new ArrowType.Int(8, true)),
    U8(1, "UChar_t", "unsigned char", new ArrowType.Int(8, false)),
    I16(2, "Short_t", "short", new ArrowType.Int(16, true)),
    U16(2, "UShort_t", "unsigned short", new ArrowType.Int(16, false)),
    I32(4, "Int_t", "int", new ArrowType.Int(32, true)),
    U32(4, "UInt_t", "unsigned int", new ArrowType.Int(32, false)),
    I64(8, "Long64_t", "long", new ArrowType.Int(64, true)),
    U64(8, "ULong64_t", "unsigned long", new ArrowType.Int(64, false)),
    F32(4, "Float_t", "float", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
    F64(8, "Double_t", "double", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));

    final int size;
    final String rootName;
    final String cppName;
    final ArrowType arrow;

    Prim(int size, String rootName, String cppName, ArrowType arrow) {
        this.size = size;
        this.rootName = rootName;
        this.cppName = cppName;
        this.arrow = arrow;
    }

    /** The type for a C++/ROOT type name, or null if it is not a basic type. */
    static Prim ofTypeName(String name) {
        return switch (name.strip()) {
            case "bool", "Bool_t" -> BOOL;
            case "char", "Char_t", "signed char", "int8_t" -> I8;
            case "unsigned char", "UChar_t", "uint8_t", "Byte_t" -> U8;
            case "short", "Short_t", "short int", "int16_t" -> I16;
            case "unsigned short", "UShort_t", "unsigned short int", "uint16_t" -> U16;
            case "int", "Int_t", "int32_t" -> I32;
            case "unsigned int", "UInt_t", "unsigned", "uint32_t" -> U32;
            case "long", "Long_t", "long long", "Long64_t", "int64_t", "long int" -> I64;
            case "unsigned long", "ULong_t", "unsigned long long", "ULong64_t", "uint64_t",
                 "unsigned long int" -> U64;
            case "float", "Float_t" -> F32;
            case "double", "Double_t" -> F64;
            default -> null;
        };
    }

    /** The type for a streamer type code (1..18), or null. */
    static Prim ofCode(int code) {
        return switch (code) {
            case Types.BOOL -> BOOL;
            case Types.CHAR, Types.LEGACY_CHAR -> I8;
            case Types.UCHAR -> U8;
            case Types.SHORT -> I16;
            case Types.USHORT -> U16;
            case Types.INT, Types.COUNTER -> I32;
            case Types.UINT, Types.BITS -> U32;
            case Types.LONG, Types.LONG64 -> I64;
            case Types.ULONG, Types.ULONG64 -> U64;
            case Types.FLOAT -> F32;
            case Types.DOUBLE -> F64;
            default -> null;
        };
    }

    Prim unsigned() {
        return switch (this) {
            case I8 -> U8;
            case I16 -> U16;
            case I32 -> U32;
            case I64 -> U64;
            default -> this;
        };
    }
}
