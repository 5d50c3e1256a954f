package dev.scope.bench.load;

import dev.scope.bench.SyntheticCluster;
import dev.scope.report.Report;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Whole-process load run of the app (not a test): for each cluster preset, starts the real app,
 * has every synthetic host POST its report every 3 s as probes do, and once the window is full
 * measures the time to GET the topology list and every topology (p50/p99 over repeated GETs while
 * reports keep arriving), the app's RSS and heap after a full GC with the window held, and then
 * reports ingested per second and per CPU-second of the app in a burst of concurrent POSTs.
 * {@code bench/run-app-load.sh} builds and runs it; see bench/README.md for the options.
 */
public final class AppLoad {
    private static final Pattern TOPOLOGY_URL = Pattern.compile("\"url\":\"(/api/topology/[^\"]+)\"");

    private record Options(List<String> presets, String app, long windowSeconds, int repeats, long budgetSeconds,
                           int burstThreads, long burstSeconds, int variants, List<String> jvmFlags,
                           int warmups, Set<String> topologies) {
    }

    private AppLoad() {
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        for (String preset : o.presets()) run(shape(preset), preset, o);
    }

    /** SyntheticCluster's presets, plus target-N: N hosts shaped like target-100's (8 containers, 125 processes each). */
    private static SyntheticCluster.Shape shape(String preset) {
        if (preset.matches("target-[1-9][0-9]{0,4}") && !preset.equals("target-100")) {
            SyntheticCluster.Shape t = SyntheticCluster.Shape.TARGET_100_HOSTS;
            return new SyntheticCluster.Shape(Integer.parseInt(preset.substring("target-".length())), t.containersPerHost(),
                    t.processesPerContainer(), t.hostProcesses(), t.connectionsPerContainer(), t.samplesPerMetric());
        }
        return SyntheticCluster.Shape.named(preset);
    }

    private static Options parse(String[] args) {
        Map<String, String> a = new TreeMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) usage("not an --option=value: " + arg);
            a.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Set<String> known = Set.of("presets", "app", "window", "repeats", "budget", "burst-threads", "burst-seconds", "variants", "app-jvm", "warmups", "topologies");
        for (String k : a.keySet()) if (!known.contains(k)) usage("unknown option --" + k);
        return new Options(
                List.of(a.getOrDefault("presets", "docker-hosts-10,target-100,docker-hosts-100,docker-hosts-500").split(",")),
                a.getOrDefault("app", "child"),
                Long.parseLong(a.getOrDefault("window", "15")),
                Integer.parseInt(a.getOrDefault("repeats", "20")),
                Long.parseLong(a.getOrDefault("budget", "40")),
                Integer.parseInt(a.getOrDefault("burst-threads", "4")),
                Long.parseLong(a.getOrDefault("burst-seconds", "10")),
                Integer.parseInt(a.getOrDefault("variants", "3")),
                List.of(a.getOrDefault("app-jvm", "-Xmx12g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow").trim().split("\\s+")),
                Integer.parseInt(a.getOrDefault("warmups", "2")),
                a.containsKey("topologies") ? Set.of(a.get("topologies").split(",")) : Set.of());
    }

    private static void usage(String problem) {
        System.err.println(problem + """

                usage: AppLoad [--presets=docker-hosts-10,target-100,docker-hosts-100,docker-hosts-500]
                               [--app=child|in-process|jar:cli/target/scope.jar] [--window=15] [--repeats=20]
                               [--budget=40 (seconds of GETs per topology at most)] [--burst-threads=4]
                               [--burst-seconds=10] [--variants=3 (different reports each host cycles through)]
                               [--app-jvm="-Xmx12g ..." (flags of the child app JVM)] [--warmups=2 (GETs before timing)]
                               [--topologies=processes,containers (GET only these; default every listed one)]
                presets: docker-hosts-N (50 containers x 5 processes per host), target-100, target-N (like target-100)""");
        System.exit(2);
    }

    private static void run(SyntheticCluster.Shape shape, String preset, Options o) throws Exception {
        SyntheticCluster cluster = SyntheticCluster.of(shape, 42);
        long t0 = System.currentTimeMillis() * 1_000_000;
        long encodeStart = System.nanoTime();
        // Each host cycles through a few reports made 3 s apart, so merges see fresh samples and timestamps.
        List<List<byte[]>> bodies = IntStream.range(0, shape.hosts()).parallel()
                .mapToObj(h -> IntStream.range(0, o.variants()).mapToObj(v -> encode(cluster.report(h, t0 + v * 3_000_000_000L))).toList())
                .toList();
        Report sample = cluster.report(0, t0);
        long plainBytes = plainSize(sample);
        System.out.printf(Locale.ROOT, "%n== %s: %d hosts, %,d containers, %,d processes; a host's report: %,d nodes, %,d B msgpack, %,d B gzipped (encoded in %.1f s)%n",
                preset, shape.hosts(), shape.containers(), shape.processes(), sample.nodeCount(), plainBytes,
                bodies.getFirst().getFirst().length, (System.nanoTime() - encodeStart) / 1e9);

        // Room for the whole window (Weave Scope has no byte limit): reports held plus the burst's.
        long maxHeldBytes = Math.max(1L << 30, plainBytes * shape.hosts() * 64);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        try (AppUnderTest app = AppUnderTest.start(o.app(), o.windowSeconds(), maxHeldBytes, o.jvmFlags());
             ProbeFleet fleet = new ProbeFleet(client, app.baseUrl(), bodies)) {
            System.out.printf("app: %s (pid %d)%s%n", o.app(), app.pid(), app.sharesProcess() ? " — RSS and CPU include the driver" : "");
            long cpuBefore = ProcStats.cpuNanos(app.pid());
            long fleetStart = System.nanoTime();
            fleet.start(Duration.ofSeconds(3));
            AtomicLong peakRss = new AtomicLong();
            Thread rssSampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakRss.accumulateAndGet(ProcStats.rssBytes(app.pid()), Math::max);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            Thread.sleep(Duration.ofSeconds(o.windowSeconds() + 4));
            System.out.printf("window filled: %d reports posted in %.0f s (load average %s on %d cores)%n", fleet.ok(),
                    (System.nanoTime() - fleetStart) / 1e9, ProcStats.loadAverage(), Runtime.getRuntime().availableProcessors());

            measureRenders(client, app.baseUrl(), app.pid(), o);

            long steadySeconds = (System.nanoTime() - fleetStart) / 1_000_000_000L;
            long steadyCpu = ProcStats.cpuNanos(app.pid()) - cpuBefore;
            Percentiles postLatency = Percentiles.of(fleet.latencies());
            System.out.printf(Locale.ROOT, "steady ingest (every host every 3 s = %.1f reports/s wanted): %d ok, %d failed, %d ticks skipped (previous POST unanswered) in %d s; POST latency p50 %.1f ms p99 %.1f ms; app CPU %.0f%% of a core%n",
                    shape.hosts() / 3.0, fleet.ok(), fleet.failed(), fleet.skipped(), steadySeconds,
                    postLatency.p50Millis(), postLatency.p99Millis(), 100.0 * steadyCpu / (steadySeconds * 1e9));

            Map<String, Double> m = metrics(client, app.baseUrl());
            long rss = ProcStats.rssBytes(app.pid());
            long heapAfterGc = heapAfterFullGc(app, client);
            rssSampler.interrupt();
            System.out.printf(Locale.ROOT, "memory with the window held (%.0f reports of %.0f probes, %.0f MB decoded msgpack): RSS %.0f MB (peak %.0f MB), heap after full GC %.0f MB; merge cache %.0f reports, %.0f node refs%n",
                    m.getOrDefault("scope_app_reports_held", -1.0), m.getOrDefault("scope_app_probes", -1.0),
                    m.getOrDefault("scope_app_report_bytes_held", -1.0) / 1e6, rss / 1e6, peakRss.get() / 1e6, heapAfterGc / 1e6,
                    m.getOrDefault("scope_app_merge_cache_reports", -1.0), m.getOrDefault("scope_app_merge_cache_node_refs", -1.0));

            fleet.close();
            burst(client, app, bodies, o);
        }
    }

    /**
     * Wall time per GET, and the app's CPU time per GET (every thread, so steady ingest is in it too): on a
     * shared machine the CPU figure stays put when other work slows the wall clock down.
     */
    private static void measureRenders(HttpClient client, String base, long pid, Options o) throws Exception {
        Set<String> urls = new LinkedHashSet<>();
        Matcher matcher = TOPOLOGY_URL.matcher(new String(get(client, base + "/api/topology").body(), java.nio.charset.StandardCharsets.UTF_8));
        while (matcher.find()) {
            String url = matcher.group(1);
            if (o.topologies().isEmpty() || o.topologies().contains(url.substring("/api/topology/".length()))) urls.add(url);
        }
        List<String> paths = new ArrayList<>();
        paths.add("/api/topology");
        paths.addAll(urls);
        for (String path : paths) {
            for (int i = 0; i < o.warmups(); i++) get(client, base + path); // warm-up: JIT, first render
            List<Long> times = new ArrayList<>();
            long budgetEnd = System.nanoTime() + Duration.ofSeconds(o.budgetSeconds()).toNanos();
            int bytes = 0;
            long cpuStart = ProcStats.cpuNanos(pid);
            while (times.size() < o.repeats() && (times.size() < 3 || System.nanoTime() < budgetEnd)) {
                long start = System.nanoTime();
                HttpResponse<byte[]> r = get(client, base + path);
                times.add(System.nanoTime() - start);
                bytes = r.body().length;
            }
            double cpuMillisPerGet = (ProcStats.cpuNanos(pid) - cpuStart) / 1e6 / times.size();
            System.out.printf(Locale.ROOT, "GET %-44s %s  app CPU %7.1f ms/GET  (%,d B; load average %s)%n", path,
                    Percentiles.of(times.stream().mapToLong(Long::longValue).toArray()), cpuMillisPerGet, bytes, ProcStats.loadAverage());
        }
    }

    private static HttpResponse<byte[]> get(HttpClient client, String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw new IOException("GET " + url + " answered " + r.statusCode());
        return r;
    }

    /** As fast as {@code burst-threads} clients can POST: reports per second and per CPU-second of the app. */
    private static void burst(HttpClient client, AppUnderTest app, List<List<byte[]>> bodies, Options o) throws InterruptedException {
        URI uri = URI.create(app.baseUrl() + "/api/report");
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong next = new AtomicLong();
        long cpuStart = ProcStats.cpuNanos(app.pid());
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(o.burstSeconds()).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < o.burstThreads(); t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    long i = next.getAndIncrement();
                    int host = (int) (i % bodies.size());
                    List<byte[]> variants = bodies.get(host);
                    byte[] body = variants.get((int) ((i / bodies.size()) % variants.size()));
                    try {
                        int status = client.send(ProbeFleet.post(uri, host, body), HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 200 ? ok : failed).incrementAndGet();
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread w : workers) w.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (ProcStats.cpuNanos(app.pid()) - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "ingest burst (%d clients, %.0f s, no GETs): %d reports ok, %d failed: %.1f reports/s; app CPU %.1f s = %.1f reports per CPU-second (per core)%s; load average %s%n",
                o.burstThreads(), seconds, ok.get(), failed.get(), ok.get() / seconds, cpuSeconds, ok.get() / cpuSeconds,
                app.sharesProcess() ? " — CPU includes the driver's" : "", ProcStats.loadAverage());
    }

    /** Heap in use after a full GC: the live set of the app holding the window. */
    private static long heapAfterFullGc(AppUnderTest app, HttpClient client) throws Exception {
        if (app.sharesProcess()) {
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(app.pid()), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        jcmd.waitFor();
        return metrics(client, app.baseUrl()).entrySet().stream()
                .filter(e -> e.getKey().startsWith("jvm_memory_used_bytes{area=\"heap\""))
                .mapToLong(e -> e.getValue().longValue()).sum();
    }

    /** The app's /metrics as name{labels} → value. */
    private static Map<String, Double> metrics(HttpClient client, String base) throws IOException, InterruptedException {
        Map<String, Double> out = new TreeMap<>();
        for (String line : new String(get(client, base + "/metrics").body()).split("\n")) {
            if (line.startsWith("#") || line.isBlank()) continue;
            int space = line.lastIndexOf(' ');
            try {
                out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            } catch (NumberFormatException ignored) {
                // not a sample line
            }
        }
        return out;
    }

    private static byte[] encode(Report report) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
            ReportCodec.encode(report, WireFormat.MSGPACK, true, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long plainSize(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        ReportCodec.encode(report, WireFormat.MSGPACK, false, out);
        return out.size();
    }
}
