package dev.scope.report;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a probe knows about its host at one moment, or the merge of many such reports.
 * Immutable. {@link #merge} unions the topologies and DNS, adds up {@code window} and
 * {@code sampling} (they count), keeps the earliest non-zero timestamp and a deterministic id.
 *
 * @param id        the report's id (a decimal number in Weave Scope)
 * @param timestamp when the report was made, Unix nanoseconds; 0 when unknown
 * @param window    the span of time the report covers, nanoseconds
 * @param shortcut  true for a small report sent at once when something changed
 */
public final class Report {
    private final String id;
    private final long timestamp;
    private final Topology[] topologies;
    private final StringMap<DnsRecord> dns;
    private final Sampling sampling;
    private final long window;
    private final boolean shortcut;
    private final StringMap<PluginSpec> plugins;

    private Report(String id, long timestamp, Topology[] topologies, StringMap<DnsRecord> dns, Sampling sampling,
                   long window, boolean shortcut, StringMap<PluginSpec> plugins) {
        this.id = Objects.requireNonNull(id, "id");
        this.timestamp = timestamp;
        this.topologies = topologies;
        this.dns = Objects.requireNonNull(dns, "dns");
        this.sampling = Objects.requireNonNull(sampling, "sampling");
        this.window = window;
        this.shortcut = shortcut;
        this.plugins = Objects.requireNonNull(plugins, "plugins");
    }

    private static final Report EMPTY;

    static {
        Topology[] none = new Topology[TopologyId.count()];
        Arrays.fill(none, Topology.EMPTY);
        EMPTY = new Report("", 0, none, StringMap.empty(), Sampling.NONE, 0, false, StringMap.empty());
    }

    /** A report with nothing in it, not even topology shapes. The identity of {@link #merge}. */
    public static Report empty() {
        return EMPTY;
    }

    /** An empty report with every topology's shape and labels set, as a probe starts one. */
    public static Report standard(String id, long timestamp) {
        Builder b = new Builder(EMPTY).id(id).timestamp(timestamp);
        for (TopologyId t : TopologyId.all()) b.topology(t, StandardTopologies.descriptor(t));
        return b.build();
    }

    public String id() {
        return id;
    }

    public long timestamp() {
        return timestamp;
    }

    public Topology topology(TopologyId t) {
        return topologies[t.ordinal()];
    }

    public StringMap<DnsRecord> dns() {
        return dns;
    }

    public Sampling sampling() {
        return sampling;
    }

    public long window() {
        return window;
    }

    public boolean shortcut() {
        return shortcut;
    }

    public StringMap<PluginSpec> plugins() {
        return plugins;
    }

    /** Total nodes across every topology. */
    public int nodeCount() {
        int n = 0;
        for (Topology t : topologies) n += t.nodes().size();
        return n;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder(EMPTY);
    }

    public Report merge(Report other) {
        if (other == this && window == 0 && sampling.equals(Sampling.NONE)) return this;
        Topology[] merged = new Topology[topologies.length];
        for (int i = 0; i < merged.length; i++) merged[i] = topologies[i].merge(other.topologies[i]);
        long ts = timestamp == 0 ? other.timestamp : other.timestamp == 0 ? timestamp : Math.min(timestamp, other.timestamp);
        return new Report(Merging.text(id, other.id), ts, merged,
                dns.merge(other.dns, DnsRecord::merge),
                sampling.merge(other.sampling),
                window + other.window,
                shortcut || other.shortcut,
                plugins.merge(other.plugins, Merging::either));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Report r && timestamp == r.timestamp && window == r.window && shortcut == r.shortcut
                && id.equals(r.id) && Arrays.equals(topologies, r.topologies) && dns.equals(r.dns)
                && sampling.equals(r.sampling) && plugins.equals(r.plugins);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, timestamp, Arrays.hashCode(topologies), dns, sampling, window, shortcut, plugins);
    }

    @Override
    public String toString() {
        return "Report{id=" + id + ", timestamp=" + timestamp + ", nodes=" + nodeCount() + ", shortcut=" + shortcut + "}";
    }

    /** Assembles a report; every topology starts as it was in the report the builder came from. */
    public static final class Builder {
        private String id;
        private long timestamp;
        private final Topology[] topologies;
        private StringMap<DnsRecord> dns;
        private Sampling sampling;
        private long window;
        private boolean shortcut;
        private StringMap<PluginSpec> plugins;

        private Builder(Report from) {
            id = from.id;
            timestamp = from.timestamp;
            topologies = from.topologies.clone();
            dns = from.dns;
            sampling = from.sampling;
            window = from.window;
            shortcut = from.shortcut;
            plugins = from.plugins;
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder timestamp(long value) {
            timestamp = value;
            return this;
        }

        public Builder topology(TopologyId t, Topology value) {
            topologies[t.ordinal()] = Objects.requireNonNull(value);
            return this;
        }

        public Builder updateTopology(TopologyId t, UnaryOperator<Topology> change) {
            topologies[t.ordinal()] = Objects.requireNonNull(change.apply(topologies[t.ordinal()]));
            return this;
        }

        /** Adds a node to the topology its {@code topology} field names, merging with one of the same id. */
        public Builder node(TopologyId t, Node node) {
            return updateTopology(t, top -> top.withNode(node));
        }

        public Builder dns(StringMap<DnsRecord> value) {
            dns = value;
            return this;
        }

        public Builder sampling(Sampling value) {
            sampling = value;
            return this;
        }

        public Builder window(long nanos) {
            window = nanos;
            return this;
        }

        public Builder shortcut(boolean value) {
            shortcut = value;
            return this;
        }

        public Builder plugins(StringMap<PluginSpec> value) {
            plugins = value;
            return this;
        }

        public Report build() {
            return new Report(id, timestamp, topologies.clone(), dns, sampling, window, shortcut, plugins);
        }
    }
}
