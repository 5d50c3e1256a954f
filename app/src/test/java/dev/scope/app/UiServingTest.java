package dev.scope.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** With the ui module's resources on the classpath, the app serves them at /. */
class UiServingTest {
    @Test
    void servesTheBuiltUiFromTheClasspath(@TempDir Path dir) throws Exception {
        Path ui = Files.createDirectories(dir.resolve("META-INF/resources/scope-ui"));
        Files.writeString(ui.resolve("index.html"), "<!doctype html><title>Scope UI</title><div id=app></div>");
        Files.writeString(ui.resolve("app.js"), "console.log('scope')");
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        try (URLClassLoader withUi = new URLClassLoader(new URL[]{dir.toUri().toURL()}, previous)) {
            current.setContextClassLoader(withUi);
            try (ScopeApp app = ScopeApp.start(AppConfig.defaults().withPort(0))) {
                Http http = new Http(app.port());
                var index = http.get("/");
                var js = http.get("/app.js");

                assertThat(index.statusCode()).isEqualTo(200);
                assertThat(index.body()).contains("Scope UI");
                assertThat(js.body()).contains("console.log");
                assertThat(http.get("/api").statusCode()).isEqualTo(200);
            }
        } finally {
            current.setContextClassLoader(previous);
        }
    }
}
