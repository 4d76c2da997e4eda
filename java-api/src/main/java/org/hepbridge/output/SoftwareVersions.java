package org.hepbridge.output;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.hepbridge.legacy.NativeLibrary;

/** Versions of the software that produced a result, recorded in every summary. */
public final class SoftwareVersions {
    private SoftwareVersions() {
    }

    /** hepbridge, the legacy native library, Java, Arrow and the operating system. */
    public static Map<String, String> describe() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("hepbridge", implementationVersion(SoftwareVersions.class));
        versions.put("legacy_tools", NativeLibrary.versionString());
        versions.put("java", Runtime.version().toString());
        versions.put("java_vendor", System.getProperty("java.vendor"));
        versions.put("arrow", implementationVersion(VectorSchemaRoot.class));
        versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch"));
        return versions;
    }

    private static String implementationVersion(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version != null ? version : "development build";
    }
}
