package org.dumbno.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, so that it is the version that was built. */
final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = ManifestVersion.class.getPackage().getImplementationVersion();
        return new String[] {"dumbno " + (version == null ? "(development build)" : version)};
    }
}
