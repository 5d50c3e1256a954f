package dev.scope.app;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JDK websocket client that queues whole messages (text as String, binary as byte[]) for tests; shared with the
 * service and e2e tests through app's test-jar.
 */
public final class Ws implements WebSocket.Listener, AutoCloseable {
    public final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private WebSocket socket;

    public static Ws connect(int port, String path, Map<String, String> headers) {
        Ws ws = new Ws();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(b::header);
        ws.socket = b.buildAsync(URI.create("ws://127.0.0.1:" + port + path), ws).join();
        return ws;
    }

    public static Ws connect(int port, String path) {
        return connect(port, path, Map.of());
    }

    public Object next() throws InterruptedException {
        Object m = messages.poll(20, TimeUnit.SECONDS);
        if (m == null) throw new AssertionError("no websocket message within 20 s");
        return m;
    }

    public String nextText() throws InterruptedException {
        Object m = next();
        if (m instanceof String s) return s;
        throw new AssertionError("expected a text message, got " + m);
    }

    public byte[] nextBinary() throws InterruptedException {
        Object m = next();
        if (m instanceof byte[] b) return b;
        throw new AssertionError("expected a binary message, got " + m);
    }

    public void sendText(String s) {
        socket.sendText(s, true).join();
    }

    public void sendBinary(byte[] b) {
        socket.sendBinary(ByteBuffer.wrap(b), true).join();
    }

    public boolean isClosedWithin(long seconds) {
        try {
            closed.get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            messages.add(text.toString());
            text.setLength(0);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (last) {
            messages.add(binary.toByteArray());
            binary.reset();
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        socket.abort();
    }

    public static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
