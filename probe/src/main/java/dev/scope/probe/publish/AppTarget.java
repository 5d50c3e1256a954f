package dev.scope.probe.publish;

import dev.scope.probe.ProbeConfig;
import java.net.URI;

/** Where an app listens, as given on the command line: {@code host}, {@code host:port} or {@code http://host:port}. */
public record AppTarget(String host, int port, boolean tls) {

    public static AppTarget parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) throw new IllegalArgumentException("empty app address");
        if (t.contains("://")) {
            URI uri = URI.create(t);
            boolean tls = "https".equals(uri.getScheme()) || "wss".equals(uri.getScheme());
            if (uri.getHost() == null) throw new IllegalArgumentException("no host in app address " + text);
            int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : ProbeConfig.DEFAULT_APP_PORT;
            return new AppTarget(uri.getHost(), port, tls);
        }
        if (t.startsWith("[")) { // [::1]:4040
            int close = t.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("unclosed [ in app address " + text);
            String host = t.substring(1, close);
            String rest = t.substring(close + 1);
            return new AppTarget(host, rest.startsWith(":") ? port(rest.substring(1), text) : ProbeConfig.DEFAULT_APP_PORT, false);
        }
        int colon = t.lastIndexOf(':');
        if (colon > 0 && t.indexOf(':') == colon) {
            return new AppTarget(t.substring(0, colon), port(t.substring(colon + 1), text), false);
        }
        return new AppTarget(t, ProbeConfig.DEFAULT_APP_PORT, false);
    }

    private static int port(String s, String text) {
        try {
            int p = Integer.parseInt(s);
            if (p < 1 || p > 65535) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in app address " + text);
        }
    }

    /** The same target at one resolved address. */
    public AppTarget at(String address) {
        return new AppTarget(address, port, tls);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
