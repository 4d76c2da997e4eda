package org.hepbridge.root;

import java.util.ArrayList;
import java.util.List;

/**
 * Derives {@link Form}s from C++ type names and the file's streamer infos, or explains why a
 * type cannot be decoded. Stateless apart from the streamer infos; thread-safe.
 */
final class Forms {
    private static final int MAX_DEPTH = 16;

    private final Streamers streamers;

    Forms(Streamers streamers) {
        this.streamers = streamers;
    }

    /** A type hepbridge cannot decode; the message names the class and streamer element. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The form of a top-level branch value of C++ type {@code typeName}.
     *
     * @param header whether an outermost container carries a version header
     */
    Form ofType(String typeName, boolean header) throws Unsupported {
        return ofType(normalize(typeName), header, 0);
    }

    private Form ofType(String t, boolean header, int depth) throws Unsupported {
        if (depth > MAX_DEPTH) {
            throw new Unsupported("type " + t + " nests deeper than " + MAX_DEPTH + " levels");
        }
        Prim p = Prim.ofTypeName(t);
        if (p != null) {
            return new Form.Prim1(p, Form.Packing.PLAIN, FloatRange.NONE);
        }
        switch (t) {
            case "Double32_t" -> {
                return new Form.Prim1(Prim.F64, Form.Packing.DOUBLE32, FloatRange.NONE);
            }
            case "Float16_t" -> {
                return new Form.Prim1(Prim.F32, Form.Packing.FLOAT16, FloatRange.NONE);
            }
            case "string", "TString" -> {
                return new Form.Str(false, t);
            }
            default -> {
            }
        }
        String inner = templateArg(t, "vector");
        if (inner != null) {
            return new Form.ListF(ofType(inner, false, depth + 1), header, t);
        }
        if (t.contains("<") || t.endsWith("*")) {
            throw new Unsupported("container or pointer type " + t + " is not decoded");
        }
        return ofClass(t, depth + 1);
    }

    /** An object of class {@code cls} with its version header, from its streamer info. */
    Form.Struct ofClass(String cls, int depth) throws Unsupported {
        if (depth > MAX_DEPTH) {
            throw new Unsupported("class " + cls + " nests deeper than " + MAX_DEPTH
                    + " levels");
        }
        StreamerInfo si = streamers.any(cls);
        if (si == null) {
            throw new Unsupported("class " + cls + " has no streamer info in the file");
        }
        List<String> names = new ArrayList<>();
        List<Form> members = new ArrayList<>();
        List<Form.Step> steps = steps(si, names, members, depth);
        return new Form.Struct(cls, true, List.copyOf(steps), List.copyOf(names),
                List.copyOf(members));
    }

    private List<Form.Step> steps(StreamerInfo si, List<String> names, List<Form> members,
            int depth) throws Unsupported {
        List<Form.Step> steps = new ArrayList<>();
        for (StreamerElement e : si.elements()) {
            if (e.isBase()) {
                if (e.name().equals("TObject")) {
                    steps.add(new Form.SkipTObject());
                    continue;
                }
                StreamerInfo base = streamers.any(e.name());
                if (base == null) {
                    throw new Unsupported("base class " + e.name() + " of " + si.className()
                            + " has no streamer info");
                }
                steps.add(new Form.Base(e.name(), steps(base, names, members, depth + 1)));
                continue;
            }
            steps.add(new Form.Member(members.size()));
            names.add(e.name());
            members.add(ofElement(si.className(), e, depth));
        }
        return steps;
    }

    /** The form of one class member. */
    Form ofElement(String owner, StreamerElement e, int depth) throws Unsupported {
        int t = e.type();
        if (Types.isBasic(t)) {
            return number(t, e.title());
        }
        if (t > Types.OFFSET_L && t < Types.OFFSET_L + 20 && e.arrayLength() > 0) {
            return new Form.FixedF(number(t - Types.OFFSET_L, e.title()), e.arrayLength());
        }
        switch (t) {
            case Types.OBJECT, Types.ANY -> {
                return ofClass(ObjectReader.stripPointer(e.typeName()), depth + 1);
            }
            case Types.TSTRING -> {
                return new Form.Str(false, "TString");
            }
            case Types.STL, Types.STL_STRING -> {
                String tn = normalize(e.typeName());
                if (t == Types.STL_STRING || tn.equals("string")) {
                    return new Form.Str(true, "string");
                }
                Form f = ofType(tn, true, depth + 1);
                if (f instanceof Form.ListF l && containsString(l.item())) {
                    throw new Unsupported("member " + owner + "::" + e.name() + " of type "
                            + tn + ": strings inside containers inside objects are not decoded");
                }
                return f;
            }
            default -> throw new Unsupported("member " + owner + "::" + e.name() + " of type "
                    + e.typeName() + " (streamer " + e.kind() + ", code " + t
                    + ") is not decoded");
        }
    }

    private static boolean containsString(Form f) {
        return f instanceof Form.Str || f instanceof Form.ListF l && containsString(l.item());
    }

    /** A number member with type code {@code t}; Double32_t/Float16_t read their range. */
    static Form.Prim1 number(int t, String title) throws Unsupported {
        if (t == Types.DOUBLE32) {
            return new Form.Prim1(Prim.F64, Form.Packing.DOUBLE32, range(title));
        }
        if (t == Types.FLOAT16) {
            return new Form.Prim1(Prim.F32, Form.Packing.FLOAT16, range(title));
        }
        Prim p = Prim.ofCode(t);
        if (p == null) {
            throw new Unsupported("number type code " + t + " is not decoded");
        }
        return new Form.Prim1(p, Form.Packing.PLAIN, FloatRange.NONE);
    }

    private static FloatRange range(String title) throws Unsupported {
        try {
            return FloatRange.parse(title);
        } catch (IllegalArgumentException e) {
            throw new Unsupported("cannot read the range in title '" + title + "': "
                    + e.getMessage());
        }
    }

    /** Drops "std::", "const " and spaces around template brackets. */
    static String normalize(String t) {
        String s = t.replace("std::", "").replace("const ", "").strip();
        s = s.replaceAll("\\s*([<>,])\\s*", "$1");
        return s;
    }

    /** The first template argument of {@code name<...>}, or null. */
    static String templateArg(String t, String name) {
        if (!t.startsWith(name + "<") || !t.endsWith(">")) {
            return null;
        }
        String body = t.substring(name.length() + 1, t.length() - 1);
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return body.substring(0, i);
            }
        }
        return body;
    }
}
