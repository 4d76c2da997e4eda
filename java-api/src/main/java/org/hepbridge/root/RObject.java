package org.hepbridge.root;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generically decoded ROOT object: its class, version and members by name (base-class
 * members merged in). Mutable only while it is being decoded.
 */
final class RObject {
    private final String className;
    private int version;
    private boolean skipped;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    RObject(String className) {
        this.className = className;
    }

    String className() {
        return className;
    }

    int version() {
        return version;
    }

    void version(int v) {
        version = v;
    }

    /** True when the class was unknown and its bytes were skipped using the byte count. */
    boolean skipped() {
        return skipped;
    }

    void markSkipped() {
        skipped = true;
    }

    void put(String name, Object value) {
        fields.put(name, value);
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    Object get(String name) {
        return fields.get(name);
    }

    Map<String, Object> fields() {
        return fields;
    }

    String str(String name) {
        Object v = fields.get(name);
        return v == null ? "" : v.toString();
    }

    long num(String name, long dflt) {
        Object v = fields.get(name);
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return dflt;
    }

    /** Items of a TObjArray/TList member, or an empty list. */
    @SuppressWarnings("unchecked")
    List<Object> items(String name) {
        Object v = fields.get(name);
        if (v instanceof RObject r && r.get("items") instanceof List<?> l) {
            return (List<Object>) l;
        }
        return List.of();
    }

    @Override
    public String toString() {
        return className + "(v" + version + ")" + fields.keySet();
    }
}
