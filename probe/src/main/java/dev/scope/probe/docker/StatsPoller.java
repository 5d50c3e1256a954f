package dev.scope.probe.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers CPU and memory stats of running containers with one thread for all of them: each tick asks the
 * engine for one sample per container ({@code stream=false&one-shot=true}, which answers at once instead of
 * waiting a second for a second sample) rather than holding a stream, and a thread, per container.
 */
final class StatsPoller {
    private static final Logger log = LoggerFactory.getLogger(StatsPoller.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHttpClient http;
    private final Map<String, ContainerStats> byContainer = new ConcurrentHashMap<>();

    StatsPoller(DockerHttpClient http) {
        this.http = http;
    }

    /** Takes one sample of each container in {@code running} and forgets containers no longer there. */
    void poll(Collection<String> running) {
        byContainer.keySet().retainAll(running);
        for (String id : running) {
            try {
                ContainerStats.Sample sample = sample(id);
                if (sample != null) byContainer.computeIfAbsent(id, k -> new ContainerStats()).add(sample);
            } catch (Exception e) {
                // A container may stop between the listing and the request; the next tick will know.
                log.debug("docker stats of {} failed: {}", id, e.toString());
            }
        }
    }

    ContainerStats statsOf(String containerId) {
        return byContainer.get(containerId);
    }

    private ContainerStats.Sample sample(String id) throws Exception {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + id + "/stats?stream=false&one-shot=true")
                .build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            if (response.getStatusCode() != 200) return null;
            return parse(JSON.readTree(body));
        }
    }

    /** Reads the fields Weave Scope uses from a stats answer; null when it has no read time (stopped container). */
    static ContainerStats.Sample parse(JsonNode stats) {
        Instant read = HumanText.parseTime(stats.path("read").asText(null));
        if (read == null) return null;
        JsonNode cpu = stats.path("cpu_stats");
        JsonNode memory = stats.path("memory_stats");
        return new ContainerStats.Sample(HumanText.nanos(read),
                cpu.path("cpu_usage").path("total_usage").asLong(0),
                cpu.path("system_cpu_usage").asLong(0),
                memory.path("usage").asLong(0),
                memory.path("stats").path("cache").asLong(0),
                memory.path("limit").asLong(0));
    }
}
