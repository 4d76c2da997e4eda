package org.hepbridge.legacy.ffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hepbridge.legacy.Channel;
import org.hepbridge.legacy.EventCut;
import org.hepbridge.legacy.LeptonCut;
import org.hepbridge.legacy.NativeLibrary;
import org.hepbridge.legacy.Status;
import org.junit.jupiter.api.Test;

/**
 * Fails when native/include/hbl/hbl.h and the committed bindings (hbl_h) disagree: every
 * HBL_API prototype (name, parameter count, C types mapped to Java carriers), every enum
 * constant and numeric #define must match, in both directions; every function must resolve
 * in the loaded libhbl.so; the wrapper's enums must mirror the header's constants.
 */
class HeaderBindingsAgreementTest {

    record CFunction(String name, String returnType, List<String> parameterTypes) {}

    record Header(Map<String, CFunction> functions, Map<String, Long> constants) {}

    private static final Pattern PROTOTYPE = Pattern.compile(
            "HBL_API\\s+([^;(]*?)\\s*\\b(hbl_\\w+)\\s*\\(([^)]*)\\)\\s*;");
    private static final Pattern ENUM_BODY =
            Pattern.compile("typedef\\s+enum\\s+\\w+\\s*\\{([^}]*)}");
    private static final Pattern ENUM_CONSTANT = Pattern.compile("(\\w+)\\s*=\\s*(-?\\d+)");
    private static final Pattern DEFINE = Pattern.compile(
            "^#define\\s+(\\w+)\\s+(-?\\d+)\\s*$", Pattern.MULTILINE);

    static Header parse(String headerText) {
        String code = headerText.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
        Map<String, CFunction> functions = new LinkedHashMap<>();
        Matcher m = PROTOTYPE.matcher(code);
        while (m.find()) {
            functions.put(m.group(2), new CFunction(m.group(2), normalize(m.group(1)),
                    parameterTypes(m.group(3))));
        }
        Map<String, Long> constants = new TreeMap<>();
        Matcher body = ENUM_BODY.matcher(code);
        while (body.find()) {
            Matcher c = ENUM_CONSTANT.matcher(body.group(1));
            while (c.find()) {
                constants.put(c.group(1), Long.parseLong(c.group(2)));
            }
        }
        Matcher define = DEFINE.matcher(code);
        while (define.find()) {
            constants.put(define.group(1), Long.parseLong(define.group(2)));
        }
        return new Header(functions, constants);
    }

    private static List<String> parameterTypes(String list) {
        if (list.isBlank() || list.strip().equals("void")) {
            return List.of();
        }
        return Arrays.stream(list.split(","))
                .map(p -> normalize(p.strip().replaceAll("\\w+$", "")))
                .toList();
    }

    private static String normalize(String cType) {
        return cType.replaceAll("\\s*\\*\\s*", " *").replaceAll("\\s+", " ").strip();
    }

    /** The Java carrier jextract uses for a C type on linux-x86_64. */
    static Class<?> carrier(String cType) {
        if (cType.contains("*")) {
            return MemorySegment.class;
        }
        return switch (cType.replace("const ", "").strip()) {
            case "void" -> void.class;
            case "int", "int32_t", "uint32_t" -> int.class;
            case "long", "int64_t", "uint64_t", "size_t" -> long.class;
            case "float" -> float.class;
            case "double" -> double.class;
            default -> throw new IllegalArgumentException("no Java carrier known for C type '"
                    + cType + "'; extend carrier() together with the header");
        };
    }

    /** Every disagreement between the header and the bindings class, as readable lines. */
    static List<String> differences(Header header, Class<?> bindings) {
        List<String> diffs = new ArrayList<>();
        Map<String, Method> functions = new TreeMap<>();
        Map<String, Method> constants = new TreeMap<>();
        for (Method method : bindings.getMethods()) {
            if (!Modifier.isStatic(method.getModifiers()) || method.getName().contains("$")) {
                continue;
            }
            if (method.getName().startsWith("hbl_")) {
                functions.put(method.getName(), method);
            } else if (method.getName().startsWith("HBL_") && method.getParameterCount() == 0) {
                constants.put(method.getName(), method);
            }
        }
        for (CFunction f : header.functions().values()) {
            Method method = functions.get(f.name());
            if (method == null) {
                diffs.add(f.name() + ": in hbl.h, missing from " + bindings.getSimpleName());
                continue;
            }
            compareFunction(f, method, diffs);
        }
        for (String name : functions.keySet()) {
            if (!header.functions().containsKey(name)) {
                diffs.add(name + ": in " + bindings.getSimpleName() + ", not in hbl.h");
            }
        }
        compareConstants(header.constants(), constants, bindings, diffs);
        return diffs;
    }

    private static void compareFunction(CFunction f, Method method, List<String> diffs) {
        if (method.getReturnType() != carrier(f.returnType())) {
            diffs.add(f.name() + ": returns " + f.returnType() + " in hbl.h but "
                    + method.getReturnType().getSimpleName() + " in the bindings");
        }
        Class<?>[] javaTypes = method.getParameterTypes();
        if (javaTypes.length != f.parameterTypes().size()) {
            diffs.add(f.name() + ": " + f.parameterTypes().size() + " parameters in hbl.h but "
                    + javaTypes.length + " in the bindings");
            return;
        }
        for (int i = 0; i < javaTypes.length; i++) {
            String cType = f.parameterTypes().get(i);
            if (javaTypes[i] != carrier(cType)) {
                diffs.add(f.name() + ": parameter " + (i + 1) + " is " + cType + " (Java "
                        + carrier(cType).getSimpleName() + ") in hbl.h but "
                        + javaTypes[i].getSimpleName() + " in the bindings");
            }
        }
    }

    private static void compareConstants(Map<String, Long> expected, Map<String, Method> actual,
            Class<?> bindings, List<String> diffs) {
        for (Map.Entry<String, Long> c : expected.entrySet()) {
            Method method = actual.get(c.getKey());
            if (method == null) {
                diffs.add(c.getKey() + ": in hbl.h, missing from " + bindings.getSimpleName());
                continue;
            }
            long value = ((Number) invoke(method)).longValue();
            if (value != c.getValue()) {
                diffs.add(c.getKey() + ": " + c.getValue() + " in hbl.h but " + value
                        + " in the bindings");
            }
        }
        for (String name : actual.keySet()) {
            if (!expected.containsKey(name)) {
                diffs.add(name + ": in " + bindings.getSimpleName() + ", not in hbl.h");
            }
        }
    }

    private static Object invoke(Method method) {
        try {
            return method.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot call " + method, e);
        }
    }

    private static String headerText() throws IOException {
        String path = System.getProperty("hbl.header", "../native/include/hbl/hbl.h");
        return Files.readString(Path.of(path));
    }

    @Test
    void headerAndBindingsAgree() throws IOException {
        Header header = parse(headerText());
        // Guard against a parser that silently finds nothing: hbl.h 1.0 has 13 functions,
        // 30 enum constants and 3 version macros.
        assertEquals(13, header.functions().size(), header.functions().keySet().toString());
        assertEquals(33, header.constants().size(), header.constants().toString());
        assertEquals(List.of("hbl_tool *", "int64_t", "const int32_t *"),
                header.functions().get("hbl_build_candidates").parameterTypes().subList(0, 3));
        assertEquals(List.of(), differences(header, hbl_h.class));
    }

    @Test
    void everyHeaderFunctionResolvesInTheLoadedLibrary() throws IOException {
        Path library = NativeLibrary.load();
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup lookup = SymbolLookup.libraryLookup(library, arena);
            for (String name : parse(headerText()).functions().keySet()) {
                assertTrue(lookup.find(name).isPresent(), name + " is not exported by " + library);
            }
        }
        assertNotEquals(0L, hbl_h.hbl_build_candidates$address().address());
        assertEquals(10000, hbl_h.hbl_version());
    }

    @Test
    void comparatorReportsEveryKindOfMismatch() throws IOException {
        String original = headerText();
        assertEquals(List.of("hbl_calibrate_leptons: parameter 3 is int32_t (Java int) in hbl.h "
                        + "but long in the bindings"),
                differences(parse(original.replace("const char *variation, int64_t n_events",
                        "const char *variation, int32_t n_events")), hbl_h.class));
        assertEquals(List.of("hbl_tool_initialise: in hbl.h, missing from hbl_h",
                        "hbl_tool_initialize: in hbl_h, not in hbl.h"),
                differences(parse(original.replace("hbl_tool_initialize(",
                        "hbl_tool_initialise(")), hbl_h.class));
        assertEquals(List.of("hbl_tool_free: 2 parameters in hbl.h but 1 in the bindings"),
                differences(parse(original.replace("hbl_tool_free(hbl_tool *tool)",
                        "hbl_tool_free(hbl_tool *tool, int flags)")), hbl_h.class));
        assertEquals(List.of("hbl_version: returns uint64_t in hbl.h but int in the bindings"),
                differences(parse(original.replace("uint32_t hbl_version(",
                        "uint64_t hbl_version(")), hbl_h.class));
        assertEquals(List.of("HBL_ERROR_INTERNAL: 12 in hbl.h but 11 in the bindings"),
                differences(parse(original.replace("HBL_ERROR_INTERNAL = 11",
                        "HBL_ERROR_INTERNAL = 12")), hbl_h.class));
        assertEquals(List.of("HBL_VERSION_MINOR: 1 in hbl.h but 0 in the bindings"),
                differences(parse(original.replace("#define HBL_VERSION_MINOR 0",
                        "#define HBL_VERSION_MINOR 1")), hbl_h.class));
        assertEquals(List.of("HBL_CUT_ISOLATION: in hbl.h, missing from hbl_h"),
                differences(parse(original.replace("HBL_CUT_ETCONE20 = 64",
                        "HBL_CUT_ETCONE20 = 64, HBL_CUT_ISOLATION = 128")), hbl_h.class));
    }

    @Test
    void wrapperEnumsMirrorTheHeader() throws IOException {
        Map<String, Long> constants = parse(headerText()).constants();
        Map<String, Long> mirrored = new TreeMap<>();
        Arrays.stream(Status.values()).forEach(s -> mirrored.put(s.cName(), (long) s.code()));
        Arrays.stream(LeptonCut.values()).forEach(c -> mirrored.put(c.cName(), (long) c.bit()));
        Arrays.stream(EventCut.values()).forEach(c -> mirrored.put(c.cName(), (long) c.bit()));
        Arrays.stream(Channel.values()).forEach(c -> mirrored.put(c.cName(), (long) c.code()));
        Map<String, Long> fromHeader = new TreeMap<>(constants);
        fromHeader.keySet().removeIf(name -> !name.matches(
                "HBL_(OK|ERROR_\\w+|CUT_\\w+|EVENT_\\w+|CHANNEL_\\w+)"));
        assertEquals(fromHeader, mirrored);
    }
}
