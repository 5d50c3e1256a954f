package dev.scope.service.users;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** One user's HTTP client with its own cookie jar; sends the CSRF cookie back in the header like a page's script. */
public final class TestBrowser {
    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public TestBrowser(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name) && !c.hasExpired())
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Fetches a page first so the CSRF cookie is set, as a browser visiting the site would. */
    public String csrf() {
        if (cookie("scope_csrf") == null) get("/api/users/csrf");
        return cookie("scope_csrf");
    }

    /** Follows an e-mailed login link as a person does: opens it, then presses its Log in button. */
    public HttpResponse<String> followLoginLink(String token) {
        HttpResponse<String> page = get("/login/link?token=" + token);
        if (page.statusCode() != 200) return page;
        return form("/login/link", Map.of("token", token));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public HttpResponse<String> json(String method, String path, JsonObject body) {
        String token = csrf();
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("X-CSRF-Token", token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    public HttpResponse<String> post(String path, JsonObject body) {
        return json("POST", path, body);
    }

    public HttpResponse<String> delete(String path) {
        return json("DELETE", path, null);
    }

    /** A form post as a page makes it: the CSRF token in the hidden field, no header. */
    public HttpResponse<String> form(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("csrf", csrf());
        return formRaw(path, all);
    }

    public HttpResponse<String> formRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
