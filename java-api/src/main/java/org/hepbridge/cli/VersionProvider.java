package org.hepbridge.cli;

import java.util.Map;
import org.hepbridge.output.SoftwareVersions;
import picocli.CommandLine.IVersionProvider;

/** Prints the versions recorded in every summary. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        Map<String, String> versions = SoftwareVersions.describe();
        return versions.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .toArray(String[]::new);
    }
}
