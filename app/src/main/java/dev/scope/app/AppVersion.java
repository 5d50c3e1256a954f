package dev.scope.app;

/** The version this app reports: the jar's Implementation-Version, or "dev" when run from classes. */
final class AppVersion {
    private AppVersion() {
    }

    static String current() {
        String v = AppVersion.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }
}
