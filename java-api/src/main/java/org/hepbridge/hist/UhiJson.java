package org.hepbridge.hist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes histograms in the UHI JSON format (schema version 1), the serialisation that
 * boost-histogram and {@code hist} read and write through {@code uhi.io.json}.
 *
 * <p>Stateless and thread-safe. Written histograms use dense {@code weighted} storage with all
 * flow bins; axis name and label go to the axis {@code metadata}. Reading accepts dense or sparse
 * {@code weighted}, {@code double} and {@code int} storage (for the last two the variances are
 * taken equal to the values, the Poisson assumption boost-histogram also makes) and
 * {@code regular}, {@code variable}, {@code category_str} and {@code category_int} axes. Known
 * limitations, each rejected with a message naming it: circular and boolean axes, profile
 * ({@code mean}, {@code weighted_mean}) storage, array data stored by path, histograms without
 * axes.
 */
public final class UhiJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WHO = "UhiJson";

    private UhiJson() {
    }

    /** The histogram as a UHI JSON document. */
    public static String write(Histogram h) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("uhi_schema", 1);
        root.putObject("writer_info").putObject("hepbridge").put("version", "0.1.0");
        ArrayNode axes = root.putArray("axes");
        for (Axis a : h.axes()) {
            axes.add(writeAxis(a));
        }
        ObjectNode storage = root.putObject("storage");
        storage.put("type", "weighted");
        int[] shape = h.shape(true);
        storage.set("values", nested(h.rawValues(), shape, 0, 0));
        storage.set("variances", nested(h.rawVariances(), shape, 0, 0));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(WHO + ": cannot serialise histogram " + h, e);
        }
    }

    private static ObjectNode writeAxis(Axis axis) {
        ObjectNode n = MAPPER.createObjectNode();
        switch (axis) {
            case RegularAxis r -> {
                n.put("type", "regular").put("lower", r.lo()).put("upper", r.hi())
                        .put("bins", r.bins());
                n.put("underflow", r.underflow()).put("overflow", r.overflow())
                        .put("circular", false);
            }
            case VariableAxis v -> {
                n.put("type", "variable");
                ArrayNode e = n.putArray("edges");
                for (double x : v.edges()) {
                    e.add(x);
                }
                n.put("underflow", v.underflow()).put("overflow", v.overflow())
                        .put("circular", false);
            }
            case CategoryAxis c -> {
                n.put("type", c.isStringAxis() ? "category_str" : "category_int");
                ArrayNode cats = n.putArray("categories");
                if (c.isStringAxis()) {
                    c.categories().forEach(cats::add);
                } else {
                    for (int x : c.intCategories()) {
                        cats.add(x);
                    }
                }
                n.put("flow", c.overflow());
            }
        }
        n.putObject("metadata").put("name", axis.name()).put("label", axis.label());
        return n;
    }

    private static ArrayNode nested(double[] data, int[] shape, int dim, int offset) {
        ArrayNode arr = MAPPER.createArrayNode();
        int stride = 1;
        for (int a = dim + 1; a < shape.length; a++) {
            stride *= shape[a];
        }
        for (int i = 0; i < shape[dim]; i++) {
            if (dim == shape.length - 1) {
                arr.add(data[offset + i]);
            } else {
                arr.add(nested(data, shape, dim + 1, offset + i * stride));
            }
        }
        return arr;
    }

    /**
     * Reads a histogram from a UHI JSON document.
     *
     * @throws IllegalArgumentException when the text is not JSON, not schema 1, or uses a feature
     *     listed as unsupported in the class description; the message names the field
     */
    public static Histogram read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(WHO + ": not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(WHO + ": expected a JSON object at the top level");
        }
        JsonNode schema = root.get("uhi_schema");
        if (schema == null || schema.asInt(-1) != 1) {
            throw new IllegalArgumentException(WHO + ": unsupported uhi_schema " + schema
                    + ", expected 1");
        }
        List<Axis> axes = new ArrayList<>();
        JsonNode axesNode = required(root, "axes", "histogram");
        for (int i = 0; i < axesNode.size(); i++) {
            axes.add(readAxis(axesNode.get(i), i));
        }
        if (axes.isEmpty()) {
            throw new IllegalArgumentException(WHO + ": histograms without axes are not"
                    + " supported");
        }
        Histogram h = new Histogram(axes);
        UhiStorage.read(required(root, "storage", "histogram"), h);
        return h;
    }

    static JsonNode required(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(WHO + ": " + where + " is missing field '"
                    + field + "'");
        }
        return v;
    }

    private static Axis readAxis(JsonNode n, int i) {
        String where = "axis " + i;
        String type = required(n, "type", where).asText();
        JsonNode meta = n.path("metadata");
        String name = meta.path("name").asText("");
        String label = meta.path("label").asText("");
        where = where + " ('" + name + "', " + type + ")";
        if (n.path("circular").asBoolean(false)) {
            throw new IllegalArgumentException(WHO + ": " + where
                    + ": circular axes are not supported");
        }
        return switch (type) {
            case "regular" -> new RegularAxis(name, label, required(n, "bins", where).asInt(),
                    required(n, "lower", where).asDouble(), required(n, "upper", where)
                            .asDouble(), flag(n, "underflow", where), flag(n, "overflow", where));
            case "variable" -> new VariableAxis(name, label, numbers(required(n, "edges", where),
                    where + " edges"), flag(n, "underflow", where), flag(n, "overflow", where));
            case "category_str" -> CategoryAxis.ofStrings(name, label,
                    strings(required(n, "categories", where)), flag(n, "flow", where));
            case "category_int" -> CategoryAxis.ofInts(name, label,
                    ints(required(n, "categories", where), where), flag(n, "flow", where));
            default -> throw new IllegalArgumentException(WHO + ": " + where
                    + ": unsupported axis type '" + type
                    + "', expected regular, variable, category_str or category_int");
        };
    }

    private static boolean flag(JsonNode n, String field, String where) {
        return required(n, field, where).asBoolean();
    }

    static double[] numbers(JsonNode arr, String where) {
        if (!arr.isArray()) {
            throw new IllegalArgumentException(WHO + ": " + where
                    + ": expected an inline array, got " + arr.getNodeType()
                    + " (data stored by path is not supported)");
        }
        double[] out = new double[arr.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = arr.get(i).asDouble();
        }
        return out;
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static int[] ints(JsonNode arr, String where) {
        int[] out = new int[arr.size()];
        for (int i = 0; i < out.length; i++) {
            if (!arr.get(i).canConvertToInt()) {
                throw new IllegalArgumentException(WHO + ": " + where + ": category " + i
                        + " is not a 32-bit integer: " + arr.get(i));
            }
            out[i] = arr.get(i).asInt();
        }
        return out;
    }
}
