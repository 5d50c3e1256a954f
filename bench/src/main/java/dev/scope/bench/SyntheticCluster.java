package dev.scope.bench;

import dev.scope.report.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A made-up cluster of Docker hosts and the report each host's probe sends, shaped exactly like a
 * Weave Scope 1.13 probe's full report (same topologies, keys, templates and id formats as the captured
 * 1.13.2 report): one host node, its processes with CPU/memory/open-files samples, containers with their
 * images, and endpoints whose adjacency points at other hosts' containers. Deterministic: the same shape,
 * seed and time always give equal reports.
 *
 * <pre>{@code
 * SyntheticCluster cluster = SyntheticCluster.of(SyntheticCluster.Shape.TARGET_100_HOSTS, 42);
 * List<Report> reports = cluster.reports(System.currentTimeMillis() * 1_000_000); // one per host
 * Report merged = reports.stream().reduce(Report.empty(), Report::merge);
 * }</pre>
 */
public final class SyntheticCluster {

    /**
     * How big the cluster is. Processes per host are {@code hostProcesses} outside containers plus
     * {@code processesPerContainer} in each container; each container's main process opens
     * {@code connectionsPerContainer} connections to containers on other hosts.
     */
    public record Shape(int hosts, int containersPerHost, int processesPerContainer, int hostProcesses,
                        int connectionsPerContainer, int samplesPerMetric) {

        /** The ingest target: 100 hosts, 12,500 processes and 800 containers in total. */
        public static final Shape TARGET_100_HOSTS = new Shape(100, 8, 5, 85, 3, 12);

        public Shape {
            if (hosts < 1 || containersPerHost < 0 || processesPerContainer < 1 || hostProcesses < 1
                    || connectionsPerContainer < 0 || samplesPerMetric < 1) {
                throw new IllegalArgumentException("shape needs at least one host, host process, process per container "
                        + "and sample, and no negative counts: " + this);
            }
        }

        /** {@code hosts} × 50 containers × 5 processes each (plus 10 host processes): the 10/100/500-host load targets. */
        public static Shape dockerHosts(int hosts) {
            return new Shape(hosts, 50, 5, 10, 3, 12);
        }

        /**
         * A preset by name, for command lines and JMH parameters: {@code target-100} or
         * {@code docker-hosts-N} (e.g. {@code docker-hosts-500}).
         */
        public static Shape named(String name) {
            if (name.equals("target-100")) return TARGET_100_HOSTS;
            if (name.matches("docker-hosts-[1-9][0-9]{0,4}")) return dockerHosts(Integer.parseInt(name.substring("docker-hosts-".length())));
            throw new IllegalArgumentException("unknown cluster preset \"" + name + "\": use target-100 or docker-hosts-N (N = 1..99999)");
        }

        public int processesPerHost() {
            return hostProcesses + containersPerHost * processesPerContainer;
        }

        public int processes() {
            return hosts * processesPerHost();
        }

        public int containers() {
            return hosts * containersPerHost;
        }
    }

    /** One TCP connection from a container's main process to a container elsewhere. */
    record Connection(int fromHost, int fromContainer, int fromPort, int toHost, int toContainer) {
    }

    private final Shape shape;
    private final long seed;
    private final List<List<Connection>> outbound;
    private final List<List<Connection>> inbound;

    private SyntheticCluster(Shape shape, long seed) {
        this.shape = shape;
        this.seed = seed;
        this.outbound = new ArrayList<>(shape.hosts());
        this.inbound = new ArrayList<>(shape.hosts());
        for (int h = 0; h < shape.hosts(); h++) {
            outbound.add(new ArrayList<>());
            inbound.add(new ArrayList<>());
        }
        wireConnections();
    }

    public static SyntheticCluster of(Shape shape, long seed) {
        return new SyntheticCluster(shape, seed);
    }

    public Shape shape() {
        return shape;
    }

    public int hostCount() {
        return shape.hosts();
    }

    /** The report host {@code host} (0-based) sends at {@code nowNanos} (Unix nanoseconds). */
    public Report report(int host, long nowNanos) {
        if (host < 0 || host >= shape.hosts()) {
            throw new IllegalArgumentException("host " + host + " is outside 0.." + (shape.hosts() - 1));
        }
        return new HostReport(this, host, nowNanos).build();
    }

    /** One report per host, all made at {@code nowNanos}. */
    public List<Report> reports(long nowNanos) {
        List<Report> out = new ArrayList<>(shape.hosts());
        for (int h = 0; h < shape.hosts(); h++) out.add(report(h, nowNanos));
        return out;
    }

    List<Connection> outbound(int host) {
        return outbound.get(host);
    }

    List<Connection> inbound(int host) {
        return inbound.get(host);
    }

    long seed() {
        return seed;
    }

    /** A random source that depends only on the seed and the given coordinates. */
    SplittableRandom random(long... coordinates) {
        long mixed = seed;
        for (long c : coordinates) mixed = mixed * 0x9E3779B97F4A7C15L + c + 1;
        return new SplittableRandom(mixed);
    }

    /** Each container's main process talks to containers on other hosts (its own host if it is alone). */
    private void wireConnections() {
        int totalContainers = shape.containers();
        if (totalContainers < 2) return;
        for (int h = 0; h < shape.hosts(); h++) {
            for (int c = 0; c < shape.containersPerHost(); c++) {
                SplittableRandom r = random(1, h, c);
                for (int k = 0; k < shape.connectionsPerContainer(); k++) {
                    int toHost = shape.hosts() == 1 ? h : (h + 1 + r.nextInt(shape.hosts() - 1)) % shape.hosts();
                    int toContainer = r.nextInt(shape.containersPerHost());
                    if (toHost == h && toContainer == c) toContainer = (c + 1) % shape.containersPerHost();
                    Connection conn = new Connection(h, c, 32768 + r.nextInt(28000), toHost, toContainer);
                    outbound.get(h).add(conn);
                    inbound.get(toHost).add(conn);
                }
            }
        }
    }
}
