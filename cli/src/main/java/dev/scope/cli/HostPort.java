package dev.scope.cli;

/** {@code host:port}, {@code :port}, {@code host} or {@code [v6]:port}. */
record HostPort(String host, int port) {
    static HostPort parse(String text, int defaultPort) {
        String s = text.trim();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("unclosed [ in " + text);
            String host = s.substring(1, close);
            String rest = s.substring(close + 1);
            return new HostPort(host, rest.startsWith(":") ? port(rest.substring(1), text) : defaultPort);
        }
        int colon = s.lastIndexOf(':');
        if (colon < 0) return new HostPort(s, defaultPort);
        String host = colon == 0 ? "0.0.0.0" : s.substring(0, colon);
        return new HostPort(host, port(s.substring(colon + 1), text));
    }

    private static int port(String digits, String whole) {
        try {
            int p = Integer.parseInt(digits);
            if (p < 0 || p > 65535) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port in " + whole + ": " + digits);
        }
    }
}
