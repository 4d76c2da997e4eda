package org.hepbridge.python;

import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** Arrow types written the way pyarrow prints them, so Python users recognise them. */
final class ArrowTypeNames {
    private ArrowTypeNames() {
    }

    static String describe(Field field) {
        ArrowType type = field.getType();
        return switch (type) {
            case ArrowType.Int i -> (i.getIsSigned() ? "int" : "uint") + i.getBitWidth();
            case ArrowType.FloatingPoint f -> floating(f.getPrecision());
            case ArrowType.Bool b -> "bool";
            case ArrowType.Utf8 u -> "string";
            case ArrowType.LargeUtf8 u -> "large_string";
            case ArrowType.Binary b -> "binary";
            case ArrowType.List l -> "list<" + child(field) + ">";
            case ArrowType.LargeList l -> "large_list<" + child(field) + ">";
            case ArrowType.FixedSizeList l -> "fixed_size_list<" + child(field) + ">["
                    + l.getListSize() + "]";
            default -> type.toString();
        };
    }

    private static String child(Field field) {
        if (field.getChildren().isEmpty()) {
            return "?";
        }
        Field item = field.getChildren().get(0);
        return item.getName() + ": " + describe(item);
    }

    private static String floating(FloatingPointPrecision precision) {
        return switch (precision) {
            case HALF -> "halffloat";
            case SINGLE -> "float";
            case DOUBLE -> "double";
        };
    }
}
