package org.hepbridge.root;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The immutable description of how one serialized value (an object, container or number)
 * is laid out, derived from the file's streamer infos, and of the Arrow type it becomes.
 * {@link #builder()} makes the mutable accumulator that decodes values of this form.
 */
sealed interface Form {

    /** The Arrow field for this form. */
    Field field(String name);

    /** A new, empty accumulator. */
    FormBuilder builder();

    /** C++-like type name for display. */
    String typeName();

    /** How a number is stored: as its own type, or packed as Double32_t/Float16_t. */
    enum Packing { PLAIN, DOUBLE32, FLOAT16 }

    /** A number. */
    record Prim1(Prim prim, Packing packing, FloatRange range) implements Form {
        @Override
        public Field field(String name) {
            return new Field(name, FieldType.notNullable(prim.arrow), null);
        }

        @Override
        public FormBuilder builder() {
            return new FormBuilder.PrimB(this);
        }

        @Override
        public String typeName() {
            return switch (packing) {
                case DOUBLE32 -> "Double32_t";
                case FLOAT16 -> "Float16_t";
                default -> prim.cppName;
            };
        }
    }

    /** A std::vector (or counted array): optional header, 32-bit size, items. */
    record ListF(Form item, boolean header, String cppName) implements Form {
        @Override
        public Field field(String name) {
            return new Field(name, FieldType.notNullable(ArrowType.List.INSTANCE),
                    List.of(item.field("item")));
        }

        @Override
        public FormBuilder builder() {
            return new FormBuilder.ListB(this);
        }

        @Override
        public String typeName() {
            return cppName;
        }
    }

    /** Items filling the rest of the entry, as in a counted leaf {@code x[n]}: no size field. */
    record Counted(Form item, String cppName) implements Form {
        @Override
        public Field field(String name) {
            return new Field(name, FieldType.notNullable(ArrowType.List.INSTANCE),
                    List.of(item.field("item")));
        }

        @Override
        public FormBuilder builder() {
            return new FormBuilder.CountedB(this);
        }

        @Override
        public String typeName() {
            return cppName;
        }
    }

    /** A fixed-size C array member. */
    record FixedF(Form item, int size) implements Form {
        @Override
        public Field field(String name) {
            return new Field(name, FieldType.notNullable(new ArrowType.FixedSizeList(size)),
                    List.of(item.field("item")));
        }

        @Override
        public FormBuilder builder() {
            return new FormBuilder.FixedB(this);
        }

        @Override
        public String typeName() {
            return item.typeName() + "[" + size + "]";
        }
    }

    /** A TString or std::string: 1-byte length (255: then a 4-byte length), bytes. */
    record Str(boolean header, String cppName) implements Form {
        @Override
        public Field field(String name) {
            return new Field(name, FieldType.notNullable(ArrowType.Utf8.INSTANCE), null);
        }

        @Override
        public FormBuilder builder() {
            return new FormBuilder.StrB(this);
        }

        @Override
        public String typeName() {
            return cppName;
        }
    }

    /** One step of decoding an object: skip a TObject, read a member, or enter a base class. */
    sealed interface Step {
    }

    /** TObject base: version, unique id, bits (and a process id if referenced); dropped. */
    record SkipTObject() implements Step {
    }

    /** A member, stored as field {@code index} of the struct. */
    record Member(int index) implements Step {
    }

    /** A base class with its own version header, whose members join the struct. */
    record Base(String className, List<Step> steps) implements Step {
    }

    /** An object streamed member by member after a version header. */
    record Struct(String className, boolean header, List<Step> steps, List<String> names,
            List<Form> members) implements Form {
        @Override
        public Field field(String name) {
            List<Field> children = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                children.add(members.get(i).field(names.get(i)));
            }
            return new Field(name, FieldType.notNullable(ArrowType.Struct.INSTANCE), children);
        }

        @Override
        public FormBuilder builder() {
            return new FormBuilder.StructB(this);
        }

        @Override
        public String typeName() {
            return className;
        }
    }
}
