package dev.scope.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits until an app answers {@code GET /api}, for as long as its container keeps running. */
final class AppReadiness {
    private AppReadiness() {
    }

    static boolean await(String baseUrl, String token, Duration timeout, BooleanSupplier stillRunning) throws InterruptedException {
        if (baseUrl.startsWith("https://")) return true; // a self-signed certificate would fail the check, not the app
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api")).timeout(Duration.ofSeconds(5));
        if (token != null && !token.isBlank()) request.header("Authorization", "Bearer " + token);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return true;
            } catch (java.io.IOException e) {
                // not listening yet
            }
            if (!stillRunning.getAsBoolean()) return false;
            Thread.sleep(200);
        }
        return false;
    }
}
