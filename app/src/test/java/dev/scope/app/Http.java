package dev.scope.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

/** A plain JDK HTTP client against one app, for tests: real sockets, no decompression magic. */
final class Http {
    private final HttpClient client;
    private final String base;
    private final String authorization;

    Http(String base, String authorization, HttpClient client) {
        this.base = base;
        this.authorization = authorization;
        this.client = client;
    }

    Http(int port) {
        this("http://127.0.0.1:" + port, null, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    Http withAuthorization(String value) {
        return new Http(base, value, client);
    }

    String base() {
        return base;
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (authorization != null) b.header("Authorization", authorization);
        return b;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, String contentEncoding, byte[] body) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) b.header("Content-Type", contentType);
        if (contentEncoding != null) b.header("Content-Encoding", contentEncoding);
        return send(b.header("X-Scope-Probe-ID", "probe-1").build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = Http.class.getResourceAsStream("/weave-1.13/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gunzip(byte[] gz) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
