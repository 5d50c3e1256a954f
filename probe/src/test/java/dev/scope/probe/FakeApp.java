package dev.scope.probe;

import dev.scope.report.Report;
import dev.scope.report.codec.DecodeLimits;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.MultiMap;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A tiny app on loopback for probe tests: answers {@code /api} with an id, decodes every posted report with
 * ReportCodec, and hands out the control and pipe websockets the probe opens.
 */
public final class FakeApp implements AutoCloseable {
    public record Received(MultiMap headers, Report report) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    public final String id;
    public final BlockingQueue<Received> reports = new LinkedBlockingQueue<>();
    public final BlockingQueue<ServerWebSocket> controlSockets = new LinkedBlockingQueue<>();
    public final BlockingQueue<ServerWebSocket> pipeSockets = new LinkedBlockingQueue<>();
    public final List<String> deletedPipes = new CopyOnWriteArrayList<>();
    /** Bytes the probe sent on each pipe socket, by path, recorded from the first message on. */
    public final java.util.Map<String, java.io.ByteArrayOutputStream> pipeData = new java.util.concurrent.ConcurrentHashMap<>();
    public volatile int reportStatus = 200;

    public FakeApp(String id) throws Exception {
        this(id, 0);
    }

    /** An app on a given port (0: any free one). */
    public FakeApp(String id, int port) throws Exception {
        this.id = id;
        server = vertx.createHttpServer().requestHandler(req -> {
            String path = req.path();
            if (req.headers().contains("Upgrade")) {
                req.toWebSocket().onSuccess(ws -> {
                    if (path.equals("/api/control/ws")) controlSockets.add(ws);
                    else {
                        java.io.ByteArrayOutputStream data = pipeData.computeIfAbsent(path, k -> new java.io.ByteArrayOutputStream());
                        ws.binaryMessageHandler(b -> {
                            synchronized (data) {
                                data.writeBytes(b.getBytes());
                            }
                        });
                        pipeSockets.add(ws);
                    }
                });
                return;
            }
            if (path.equals("/api")) {
                req.response().putHeader("Content-Type", "application/json")
                        .end("{\"id\":\"" + id + "\",\"version\":\"test\",\"hostname\":\"fake\"}");
            } else if (path.equals("/api/report")) {
                MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(req.headers());
                req.body().onSuccess(body -> {
                    try {
                        boolean gzip = "gzip".equals(headers.get("Content-Encoding"));
                        Report r = ReportCodec.decode(body.getBytes(), WireFormat.fromContentType(headers.get("Content-Type")), gzip, DecodeLimits.defaults());
                        reports.add(new Received(headers, r));
                        req.response().setStatusCode(reportStatus).end();
                    } catch (Exception e) {
                        req.response().setStatusCode(400).end(e.getMessage());
                    }
                });
            } else if (path.startsWith("/api/pipe/") && req.method().name().equals("DELETE")) {
                deletedPipes.add(path.substring("/api/pipe/".length()));
                req.response().end();
            } else {
                req.response().setStatusCode(404).end();
            }
        }).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public int port() {
        return server.actualPort();
    }

    public String address() {
        return "127.0.0.1:" + port();
    }

    public Received nextReport(long seconds) throws InterruptedException {
        return reports.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
