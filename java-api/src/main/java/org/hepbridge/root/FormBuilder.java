package org.hepbridge.root;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Accumulates decoded values of one {@link Form} and moves them into an Arrow vector.
 * Mutable; one per read, used by one thread.
 */
abstract sealed class FormBuilder {
    private static final int MEMBERWISE = 0x4000;

    /** Decodes one value at the cursor. */
    abstract void read(RBuffer b) throws RootIOException;

    /** Number of values decoded so far. */
    abstract int count();

    /** Fills a vector created from this form's field. */
    abstract void fill(FieldVector v);

    /** The fewest bytes one serialized value of {@code f} can take, to bound sizes. */
    static int minBytes(Form f) {
        if (f instanceof Form.Prim1 p) {
            return switch (p.packing()) {
                case PLAIN -> p.prim().size;
                case DOUBLE32, FLOAT16 -> p.range().factor() != 0 ? 4 : 3;
            };
        }
        return 1;
    }

    static RBuffer.Header objectHeader(RBuffer b, String what) throws RootIOException {
        RBuffer.Header h = b.header(what);
        if ((h.version() & MEMBERWISE) != 0) {
            throw b.error(what + " is stored member-wise (version " + h.version()
                    + "), which hepbridge does not decode");
        }
        return h;
    }

    /** Numbers, kept big-endian in their Arrow width. */
    static final class PrimB extends FormBuilder {
        private final Form.Prim1 form;
        private final Column col;

        PrimB(Form.Prim1 form) {
            this.form = form;
            this.col = new Column(64, false, 0);
        }

        @Override
        void read(RBuffer b) throws RootIOException {
            switch (form.packing()) {
                case DOUBLE32 -> putLong(Double.doubleToRawLongBits(form.range().readDouble32(b)));
                case FLOAT16 -> putInt(Float.floatToRawIntBits(form.range().readFloat16(b)));
                default -> {
                    int size = form.prim().size;
                    b.need(size, form.prim().cppName);
                    col.append(b.array(), b.absolutePos(), size);
                    b.skip(size);
                }
            }
            col.entries++;
        }

        /** Appends {@code n} plain values starting at the cursor. */
        void readMany(RBuffer b, int n) throws RootIOException {
            int size = form.prim().size;
            b.need((long) n * size, n + " values of " + form.prim().cppName);
            col.append(b.array(), b.absolutePos(), n * size);
            b.skip((long) n * size);
            col.entries += n;
        }

        boolean plain() {
            return form.packing() == Form.Packing.PLAIN;
        }

        private void putInt(int v) {
            col.ensure(4);
            for (int s = 24; s >= 0; s -= 8) {
                col.data[col.length++] = (byte) (v >>> s);
            }
        }

        private void putLong(long v) {
            col.ensure(8);
            for (int s = 56; s >= 0; s -= 8) {
                col.data[col.length++] = (byte) (v >>> s);
            }
        }

        @Override
        int count() {
            return col.entries;
        }

        @Override
        void fill(FieldVector v) {
            ArrowConv.primitives((BaseFixedWidthVector) v, form.prim(), col.data, col.entries);
        }
    }

    /** std::vector and friends. */
    static final class ListB extends FormBuilder {
        private final Form.ListF form;
        private final FormBuilder item;
        private int[] offsets = new int[16];
        private int n;

        ListB(Form.ListF form) {
            this.form = form;
            this.item = form.item().builder();
        }

        @Override
        void read(RBuffer b) throws RootIOException {
            RBuffer.Header h = form.header() ? objectHeader(b, form.cppName()) : null;
            int max = Math.max(0, b.remaining() - 4) / minBytes(form.item());
            int size = b.i32In(form.cppName() + " size", 0, max);
            if (item instanceof PrimB p && p.plain()) {
                p.readMany(b, size);
            } else {
                for (int i = 0; i < size; i++) {
                    item.read(b);
                }
            }
            if (h != null && h.end() >= 0 && b.pos() != h.end()) {
                throw b.error(form.cppName() + " of " + size + " items used " + (b.pos()
                        - h.start()) + " bytes, its byte count says " + (h.end() - h.start()));
            }
            if (n + 2 > offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[n + 1] = offsets[n] + size;
            n++;
        }

        @Override
        int count() {
            return n;
        }

        @Override
        void fill(FieldVector v) {
            fillList((ListVector) v, item, offsets, n);
        }

        static void fillList(ListVector l, FormBuilder item, int[] offsets, int n) {
            l.setInitialCapacity(Math.max(n, 1));
            l.allocateNew();
            item.fill(l.getDataVector());
            ArrowBuf off = l.getOffsetBuffer();
            for (int i = 0; i <= n; i++) {
                off.setInt(i * 4L, offsets[i]);
            }
            ArrowConv.setAllValid(l.getValidityBuffer(), n);
            l.setLastSet(n - 1);
            l.setValueCount(n);
        }
    }

    /** Counted leaves: items until the end of the entry. */
    static final class CountedB extends FormBuilder {
        private final FormBuilder item;
        private int[] offsets = new int[16];
        private int n;

        CountedB(Form.Counted form) {
            this.item = form.item().builder();
        }

        @Override
        void read(RBuffer b) throws RootIOException {
            int size = 0;
            while (b.remaining() > 0) {
                item.read(b);
                size++;
            }
            if (n + 2 > offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[n + 1] = offsets[n] + size;
            n++;
        }

        @Override
        int count() {
            return n;
        }

        @Override
        void fill(FieldVector v) {
            ListB.fillList((ListVector) v, item, offsets, n);
        }
    }

    /** Fixed-size C arrays. */
    static final class FixedB extends FormBuilder {
        private final Form.FixedF form;
        private final FormBuilder item;
        private int n;

        FixedB(Form.FixedF form) {
            this.form = form;
            this.item = form.item().builder();
        }

        @Override
        void read(RBuffer b) throws RootIOException {
            for (int i = 0; i < form.size(); i++) {
                item.read(b);
            }
            n++;
        }

        @Override
        int count() {
            return n;
        }

        @Override
        void fill(FieldVector v) {
            FixedSizeListVector f = (FixedSizeListVector) v;
            f.setInitialCapacity(Math.max(n, 1));
            f.allocateNew();
            item.fill(f.getDataVector());
            ArrowConv.setAllValid(f.getValidityBuffer(), n);
            f.setValueCount(n);
        }
    }

    /** Strings. */
    static final class StrB extends FormBuilder {
        private final Form.Str form;
        private final Column col = new Column(64, true, 16);

        StrB(Form.Str form) {
            this.form = form;
        }

        @Override
        void read(RBuffer b) throws RootIOException {
            RBuffer.Header h = form.header() ? objectHeader(b, form.cppName()) : null;
            int len = b.u8();
            if (len == 255) {
                len = b.i32In("string length", 0, b.remaining());
            }
            b.need(len, "a string of " + len + " bytes");
            col.append(b.array(), b.absolutePos(), len);
            b.skip(len);
            col.endEntry(col.length);
            if (h != null) {
                b.finish(h, form.cppName());
            }
        }

        @Override
        int count() {
            return col.entries;
        }

        @Override
        void fill(FieldVector v) {
            ArrowConv.strings((VarCharVector) v, col);
        }
    }

    /** Objects: a struct of their members. */
    static final class StructB extends FormBuilder {
        private final Form.Struct form;
        private final List<FormBuilder> members = new ArrayList<>();
        private int n;

        StructB(Form.Struct form) {
            this.form = form;
            for (Form f : form.members()) {
                members.add(f.builder());
            }
        }

        @Override
        void read(RBuffer b) throws RootIOException {
            RBuffer.Header h = form.header() ? objectHeader(b, form.className()) : null;
            run(b, form.steps());
            if (h != null) {
                checkEnd(b, h, form.className());
            }
            n++;
        }

        private void run(RBuffer b, List<Form.Step> steps) throws RootIOException {
            for (Form.Step s : steps) {
                switch (s) {
                    case Form.SkipTObject t -> skipTObject(b);
                    case Form.Member m -> members.get(m.index()).read(b);
                    case Form.Base base -> {
                        RBuffer.Header h = objectHeader(b, base.className());
                        run(b, base.steps());
                        checkEnd(b, h, base.className());
                    }
                }
            }
        }

        private static void checkEnd(RBuffer b, RBuffer.Header h, String cls)
                throws RootIOException {
            if (h.end() >= 0 && b.pos() != h.end()) {
                throw b.error(cls + " object used " + (b.pos() - h.start())
                        + " bytes, its byte count says " + (h.end() - h.start()));
            }
        }

        private static void skipTObject(RBuffer b) throws RootIOException {
            b.header("TObject");
            b.skip(4);
            long bits = b.u32();
            if ((bits & (1 << 4)) != 0) {
                b.skip(2);
            }
        }

        @Override
        int count() {
            return n;
        }

        @Override
        void fill(FieldVector v) {
            StructVector s = (StructVector) v;
            s.setInitialCapacity(Math.max(n, 1));
            s.allocateNew();
            for (int i = 0; i < members.size(); i++) {
                members.get(i).fill(s.getChild(form.names().get(i)));
            }
            ArrowConv.setAllValid(s.getValidityBuffer(), n);
            s.setValueCount(n);
        }
    }
}
