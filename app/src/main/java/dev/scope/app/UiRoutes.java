package dev.scope.app;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Serves the browser UI from the classpath ({@code META-INF/resources/scope-ui/}, the ui module's
 * jar) at {@code /}. Without that jar, {@code /} explains that the UI is not built.
 */
final class UiRoutes {
    static final String ROOT = "META-INF/resources/scope-ui";

    private UiRoutes() {
    }

    static boolean uiPresent() {
        return Thread.currentThread().getContextClassLoader().getResource(ROOT + "/index.html") != null
                || UiRoutes.class.getClassLoader().getResource(ROOT + "/index.html") != null;
    }

    static void mount(Router router) {
        if (uiPresent()) {
            router.get("/*").handler(StaticHandler.create(ROOT).setCachingEnabled(true).setIndexPage("index.html"));
            return;
        }
        router.get("/").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .end("""
                        <!doctype html>
                        <html><head><meta charset="utf-8"><title>Scope</title></head>
                        <body><h1>Scope</h1>
                        <p>The web UI is not built into this app. Build the <code>ui</code> module
                        (<code>./mvnw -pl ui install</code>) and put its jar on the classpath.
                        The HTTP API answers under <a href="/api">/api</a>.</p>
                        </body></html>
                        """));
    }
}
