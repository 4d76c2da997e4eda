package org.hepbridge.stats;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs a Python oracle script from src/test/python/stats and parses its JSON output. */
final class PythonOracle {

    private PythonOracle() {
    }

    static JsonNode run(String script, String... args) throws IOException, InterruptedException {
        return new ObjectMapper().readTree(org.hepbridge.testing.PythonOracle.run(
                org.hepbridge.testing.PythonOracle.script("stats/" + script), args));
    }
}
