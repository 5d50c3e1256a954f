package dev.scope.cli;

import picocli.CommandLine;

/** The version of the distribution, from the jar manifest ("dev" when run from classes). */
final class ScopeVersion implements CommandLine.IVersionProvider {
    static String get() {
        String v = ScopeVersion.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"scope " + get()};
    }
}
