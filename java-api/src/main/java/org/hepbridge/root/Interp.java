package org.hepbridge.root;

import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * How the bytes of one branch's entries map to values.
 *
 * @param kind the layout of an entry
 * @param prim the value type
 * @param fixedLen values per entry for {@link Kind#FIXED}, values per inner element for
 *     {@link Kind#COUNTED} with extra dimensions; 1 otherwise
 * @param rootType the type as ROOT names it, for display
 * @param counter for {@link Kind#COUNTED}, the counter branch name (for display)
 * @param form for {@link Kind#OBJECT}, the layout of each entry
 */
record Interp(Kind kind, Prim prim, int fixedLen, String rootType, String counter, Form form) {

    Interp(Kind kind, Prim prim, int fixedLen, String rootType, String counter) {
        this(kind, prim, fixedLen, rootType, counter, null);
    }

    /** An entry decoded generically through {@code form}. */
    static Interp object(Form form) {
        return new Interp(Kind.OBJECT, Prim.U8, 1, form.typeName(), null, form);
    }

    /** Entry layouts. */
    enum Kind {
        /** One value per entry. */
        SCALAR,
        /** {@code fixedLen} values per entry. */
        FIXED,
        /** A counter-sized array of values, no header ({@code x[n]/F}). */
        COUNTED,
        /** A std::vector: 10-byte header (byte count, version, size) then values. */
        VECTOR,
        /** A char* string: length byte (255: plus 4-byte length) then the characters. */
        CSTRING,
        /** Anything else: objects, nested containers, strings, decoded through a form. */
        OBJECT
    }

    boolean jagged() {
        return kind == Kind.COUNTED || kind == Kind.VECTOR
                || kind == Kind.OBJECT && form instanceof Form.ListF;
    }

    ArrowType arrowType() {
        return switch (kind) {
            case SCALAR -> prim.arrow;
            case FIXED -> new ArrowType.FixedSizeList(fixedLen);
            case COUNTED, VECTOR -> ArrowType.List.INSTANCE;
            case CSTRING -> ArrowType.Utf8.INSTANCE;
            case OBJECT -> form.field("x").getType();
        };
    }

    /** The Arrow field for a column named {@code name}; ROOT has no nulls. */
    Field field(String name) {
        if (kind == Kind.OBJECT) {
            return form.field(name);
        }
        Field item = new Field("item", FieldType.notNullable(prim.arrow), null);
        return switch (kind) {
            case SCALAR, CSTRING -> new Field(name, FieldType.notNullable(arrowType()), null);
            case FIXED, VECTOR -> new Field(name, FieldType.notNullable(arrowType()),
                    List.of(item));
            case COUNTED -> fixedLen > 1
                    ? new Field(name, FieldType.notNullable(ArrowType.List.INSTANCE),
                            List.of(new Field("item", FieldType.notNullable(
                                    new ArrowType.FixedSizeList(fixedLen)), List.of(item))))
                    : new Field(name, FieldType.notNullable(arrowType()), List.of(item));
            case OBJECT -> throw new IllegalStateException("handled above");
        };
    }
}
