package dev.scope.service.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A browser's request below {@code /api/app/{orgExternalId}}: the organisation and the path a backend sees (the
 * standalone app's path, prefix stripped). Works on the raw path, so escaped characters in node ids reach the
 * backend unchanged.
 */
record AppPath(String org, String rest) {
    static final String PREFIX = "/api/app/";
    private static final Pattern ORG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** Null when the path is not below {@code /api/app/} or names no well-formed organisation. */
    static AppPath parse(String rawPath) {
        if (!rawPath.startsWith(PREFIX)) return null;
        int slash = rawPath.indexOf('/', PREFIX.length());
        String org = slash < 0 ? rawPath.substring(PREFIX.length()) : rawPath.substring(PREFIX.length(), slash);
        if (!ORG.matcher(org).matches()) return null;
        return new AppPath(org, slash < 0 ? "" : rawPath.substring(slash));
    }

    /** True for paths with {@code .} or {@code ..} segments, escaped or not: never forwarded. */
    static boolean hasDotSegment(String rawPath) {
        for (String segment : rawPath.split("/", -1)) {
            if (!segment.contains(".")) continue;
            String decoded;
            try {
                decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return true;
            }
            if (decoded.equals(".") || decoded.equals("..")) return true;
        }
        return rawPath.toLowerCase(java.util.Locale.ROOT).contains("%2e");
    }

    boolean isApi() {
        return rest.equals("/api") || rest.startsWith("/api/");
    }

    boolean isQuery() {
        return rest.equals("/api") || rest.equals("/api/topology") || rest.startsWith("/api/topology/")
                || rest.equals("/api/report") || rest.equals("/api/probes");
    }

    boolean isControl() {
        return rest.startsWith("/api/control/");
    }

    boolean isPipe() {
        return rest.startsWith("/api/pipe/");
    }

    /** The control named by {@code /api/control/{probe}/{node}/{control}}, or null for any other shape. */
    String controlName() {
        String[] parts = rest.substring("/api/control/".length()).split("/", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) return null;
        try {
            return URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
