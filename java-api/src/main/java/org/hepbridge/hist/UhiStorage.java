package org.hepbridge.hist;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the {@code storage} object of a UHI histogram into a {@link Histogram}. */
final class UhiStorage {

    private static final String WHO = "UhiJson";

    private UhiStorage() {
    }

    static void read(JsonNode storage, Histogram h) {
        String type = UhiJson.required(storage, "type", "storage").asText();
        if (!type.equals("weighted") && !type.equals("double") && !type.equals("int")) {
            throw new IllegalArgumentException(WHO + ": storage type '" + type
                    + "' is not supported, expected weighted, double or int");
        }
        if (!storage.has("values")) {
            return;
        }
        JsonNode values = storage.get("values");
        JsonNode variances = type.equals("weighted")
                ? UhiJson.required(storage, "variances", "weighted storage") : values;
        if (storage.has("index")) {
            readSparse(storage.get("index"), values, variances, h);
        } else {
            int[] shape = h.shape(true);
            flatten(values, shape, 0, 0, h.rawValues(), "values");
            flatten(variances, shape, 0, 0, h.rawVariances(), "variances");
        }
    }

    private static void flatten(JsonNode arr, int[] shape, int dim, int offset, double[] out,
            String what) {
        if (!arr.isArray() || arr.size() != shape[dim]) {
            throw new IllegalArgumentException(WHO + ": storage " + what + " at depth " + dim
                    + " has " + (arr.isArray() ? arr.size() + " entries" : arr.getNodeType())
                    + ", expected " + shape[dim] + " (bins of axis " + dim
                    + " including flow)");
        }
        int stride = 1;
        for (int a = dim + 1; a < shape.length; a++) {
            stride *= shape[a];
        }
        for (int i = 0; i < shape[dim]; i++) {
            if (dim == shape.length - 1) {
                out[offset + i] = arr.get(i).asDouble();
            } else {
                flatten(arr.get(i), shape, dim + 1, offset + i * stride, out, what);
            }
        }
    }

    private static void readSparse(JsonNode index, JsonNode values, JsonNode variances,
            Histogram h) {
        int[] shape = h.shape(true);
        if (!index.isArray() || index.size() != shape.length) {
            throw new IllegalArgumentException(WHO + ": sparse storage index must have one row"
                    + " per axis (" + shape.length + "), got " + index);
        }
        double[] v = UhiJson.numbers(values, "sparse values");
        double[] v2 = UhiJson.numbers(variances, "sparse variances");
        for (int k = 0; k < v.length; k++) {
            int cell = 0;
            for (int a = 0; a < shape.length; a++) {
                int c = index.get(a).path(k).asInt(-1);
                if (c < 0 || c >= shape[a]) {
                    throw new IllegalArgumentException(WHO + ": sparse entry " + k
                            + " has cell " + c + " on axis " + a + ", expected 0.."
                            + (shape[a] - 1));
                }
                cell = cell * shape[a] + c;
            }
            h.rawValues()[cell] = v[k];
            h.rawVariances()[cell] = v2[k];
        }
    }
}
