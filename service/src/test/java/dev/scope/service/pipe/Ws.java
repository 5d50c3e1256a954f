package dev.scope.service.pipe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK websocket client for tests that queues whole binary messages and notes when it is closed. */
public final class Ws implements WebSocket.Listener, AutoCloseable {
    public final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();
    private WebSocket socket;

    public static Ws connect(int port, String path, Map<String, String> headers) {
        Ws ws = new Ws();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        ws.socket = b.buildAsync(URI.create("ws://127.0.0.1:" + port + path), ws).join();
        return ws;
    }

    public byte[] next() throws InterruptedException {
        byte[] m = messages.poll(20, TimeUnit.SECONDS);
        if (m == null) throw new AssertionError("no websocket message within 20 s");
        return m;
    }

    public void send(byte[] b) {
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
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partial.writeBytes(chunk);
        if (last) {
            messages.add(partial.toByteArray());
            partial.reset();
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
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
        if (!closed.isDone()) socket.abort();
    }
}
