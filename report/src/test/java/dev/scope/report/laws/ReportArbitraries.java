package dev.scope.report.laws;

import dev.scope.report.Control;
import dev.scope.report.DnsRecord;
import dev.scope.report.Latest;
import dev.scope.report.MetadataTemplate;
import dev.scope.report.Metric;
import dev.scope.report.MetricTemplate;
import dev.scope.report.Node;
import dev.scope.report.NodeSet;
import dev.scope.report.PluginSpec;
import dev.scope.report.Report;
import dev.scope.report.Sampling;
import dev.scope.report.StandardTopologies;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import dev.scope.report.TableTemplate;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import dev.scope.report.laws.WeaveVocabulary.Kind;
import dev.scope.report.laws.WeaveVocabulary.MetricRange;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import static dev.scope.report.laws.WeaveVocabulary.BASE_NANOS;

/**
 * jqwik generators of report parts shaped like a Weave Scope 1.13 probe's (see {@link WeaveVocabulary}).
 * Values come from small pools, so two generated values overlap often: same node ids, same latest keys
 * with different times, same metric keys with shared sample times. Reusable from other modules' tests
 * through scope-report's test-jar.
 */
public final class ReportArbitraries {
    private ReportArbitraries() {
    }

    private static final long SECOND = 1_000_000_000L;

    /** Times on a one-second grid over 15 s (one report window) with a few odd nanoseconds, so ties happen. */
    public static Arbitrary<Long> timestamps() {
        return Arbitraries.integers().between(0, 15).map(k -> BASE_NANOS + k * SECOND + (k % 4) * 250_017L);
    }

    public static Arbitrary<Latest> latests(List<String> values) {
        return Combinators.combine(Arbitraries.of(values), timestamps()).as(Latest::new);
    }

    public static Arbitrary<Latest> latests() {
        return latests(List.of("running", "paused", "exited", "vm;<host>", "16101"));
    }

    public static Arbitrary<StringSet> stringSets(List<String> pool) {
        return Arbitraries.subsetOf(pool).map(StringSet::of);
    }

    public static Arbitrary<StringSet> stringSets() {
        return stringSets(WeaveVocabulary.SET_VALUES.get("local_networks"));
    }

    /** Maps over a fixed key pool: each key is present or not, with a value from {@code values}. */
    public static <V> Arbitrary<StringMap<V>> stringMaps(List<String> keys, Function<String, Arbitrary<V>> values) {
        List<Arbitrary<Map.Entry<String, V>>> entries = new ArrayList<>();
        for (String key : keys) entries.add(values.apply(key).map(v -> Map.entry(key, v)).injectNull(0.5));
        return Combinators.combine(entries).as(list -> {
            StringMap.Builder<V> b = new StringMap.Builder<>();
            list.stream().filter(Objects::nonNull).forEach(e -> b.put(e.getKey(), e.getValue()));
            return b.build();
        });
    }

    /** Latest maps keyed like Weave's, each key drawing from the values that key takes in real reports. */
    public static Arbitrary<StringMap<Latest>> latestMaps(List<String> keys) {
        return stringMaps(keys, k -> latests(WeaveVocabulary.LATEST_VALUES.getOrDefault(k, List.of("x", "y"))));
    }

    public static Arbitrary<StringMap<Latest>> latestMaps() {
        return latestMaps(List.copyOf(WeaveVocabulary.LATEST_VALUES.keySet()));
    }

    public static Arbitrary<StringMap<StringSet>> setMaps() {
        return stringMaps(List.copyOf(WeaveVocabulary.SET_VALUES.keySet()), k -> stringSets(WeaveVocabulary.SET_VALUES.get(k)));
    }

    /**
     * Metrics as a probe reports them: samples on the shared time grid (so two metrics share
     * times with different values), a range that usually covers the samples, and now and then an
     * empty series that still carries a range, as Weave's JSON allows.
     */
    public static Arbitrary<Metric> metrics(MetricRange range) {
        // -0.0 and NaN too: msgpack carries them, and Math.max must keep merge order-free for them.
        Arbitrary<Double> values = Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.of(range.min(), range.max() / 7, range.max() / 3, range.max() / 2, 0.5)),
                Tuple.of(1, Arbitraries.of(-0.0, 0.0, Double.NaN)));
        Arbitrary<Metric> series = Arbitraries.subsetOf(sampleGrid()).ofMinSize(1).flatMap(times ->
                values.list().ofSize(times.size()).flatMap(vals -> Arbitraries.of(range.min(), range.min() - 1)
                        .flatMap(min -> Arbitraries.of(range.max(), range.max() * 2).map(max -> {
                            long[] t = times.stream().mapToLong(Long::longValue).toArray();
                            double[] v = vals.stream().mapToDouble(Double::doubleValue).toArray();
                            return Metric.of(t, v, min, max);
                        }))));
        Arbitrary<Metric> emptyWithRange = Arbitraries.of(
                Metric.EMPTY, Metric.of(new long[0], new double[0], range.min(), range.max()),
                Metric.of(new long[0], new double[0], -1, 1));
        return Arbitraries.frequencyOf(Tuple.of(9, series), Tuple.of(1, emptyWithRange));
    }

    public static Arbitrary<Metric> metrics() {
        return metrics(new MetricRange(0, 100));
    }

    private static List<Long> sampleGrid() {
        List<Long> grid = new ArrayList<>();
        for (int k = 0; k < 12; k++) grid.add(BASE_NANOS + k * SECOND + 1_233_790L);
        return grid;
    }

    public static Arbitrary<StringMap<Metric>> metricMaps(List<String> keys) {
        return stringMaps(keys, k -> metrics(WeaveVocabulary.METRIC_RANGES.getOrDefault(k, new MetricRange(0, 100))));
    }

    /** Parent sets by topology name, from the ids a node of this kind may have as parents. */
    public static Arbitrary<StringMap<StringSet>> parentMaps(Kind kind) {
        List<String> names = kind.parentIds().keySet().stream().map(t -> t.name).toList();
        return stringMaps(names, name -> stringSets(kind.parentIds().get(TopologyId.byName(name))).filter(s -> !s.isEmpty()));
    }

    /** One node of {@code kind}, its id drawn from a small pool so two nodes often share it. */
    public static Arbitrary<Node> nodes(Kind kind) {
        Arbitrary<StringSet> adjacency = kind.adjacentIds().isEmpty()
                ? Arbitraries.just(StringSet.EMPTY)
                : Arbitraries.of(kind.adjacentIds()).list().ofMaxSize(3).map(StringSet::of);
        Arbitrary<StringMap<StringSet>> sets = kind.setKeys().isEmpty() ? Arbitraries.just(StringMap.empty())
                : stringMaps(kind.setKeys(), k -> stringSets(WeaveVocabulary.SET_VALUES.get(k)));
        return Combinators.combine(Arbitraries.of(kind.nodeIds()), latestMaps(kind.latestKeys()), sets, adjacency,
                        metricMaps(kind.metricKeys()), parentMaps(kind), children(kind))
                .as((id, latest, s, adj, metrics, parents, children) ->
                        new Node(id, kind.topology().name, latest, s, adj, metrics, parents, children));
    }

    public static Arbitrary<Node> nodes(TopologyId topology) {
        return nodes(kindOf(topology));
    }

    /** Any node of the topologies a probe fills. */
    public static Arbitrary<Node> nodes() {
        return Arbitraries.of(WeaveVocabulary.KINDS).flatMap(ReportArbitraries::nodes);
    }

    /** Rendered nodes group children; probe reports have none. Hosts sometimes get an endpoint child here. */
    private static Arbitrary<NodeSet> children(Kind kind) {
        if (kind.topology() != TopologyId.HOST) return Arbitraries.just(NodeSet.EMPTY);
        Arbitrary<NodeSet> some = Arbitraries.of(kindOf(TopologyId.ENDPOINT).nodeIds()).list().ofMaxSize(2)
                .map(ids -> NodeSet.of(ids.stream().map(id -> Node.builder(id, TopologyId.ENDPOINT.name).build()).toList()));
        return Arbitraries.oneOf(Arbitraries.just(NodeSet.EMPTY), some);
    }

    public static Kind kindOf(TopologyId topology) {
        return WeaveVocabulary.KINDS.stream().filter(k -> k.topology() == topology).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no generator for topology " + topology));
    }

    /**
     * A topology as one probe (or a plugin fragment, which has no shape) sends it: a few nodes and a
     * subset of the templates and controls, each template always the same for the same key.
     */
    public static Arbitrary<Topology> topologies(TopologyId topology) {
        Kind kind = kindOf(topology);
        Topology described = StandardTopologies.descriptor(topology);
        Arbitrary<Topology> base = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(described)),
                Tuple.of(1, Arbitraries.just(Topology.EMPTY)));
        Arbitrary<NodeSet> nodes = nodes(kind).list().ofMaxSize(5).map(NodeSet::of);
        return Combinators.combine(base, nodes, subMap(controlsOf(topology)), subMap(metadataOf(topology)),
                        subMap(metricTemplatesOf(topology)), subMap(tablesOf(topology)))
                .as((t, n, controls, metadata, metricTemplates, tables) -> t.withNodes(n).withControls(controls)
                        .withMetadataTemplates(metadata).withMetricTemplates(metricTemplates).withTableTemplates(tables));
    }

    /** Any of the topologies a probe fills. */
    public static Arbitrary<Topology> topologies() {
        return Arbitraries.of(WeaveVocabulary.KINDS).flatMap(k -> topologies(k.topology()));
    }

    private static <V> Arbitrary<StringMap<V>> subMap(StringMap<V> all) {
        return Arbitraries.subsetOf(all.toMap().keySet()).map(keys -> {
            StringMap.Builder<V> b = new StringMap.Builder<>();
            keys.forEach(k -> b.put(k, all.get(k)));
            return b.build();
        });
    }

    private static StringMap<Control> controlsOf(TopologyId t) {
        return switch (t) {
            case CONTAINER -> WeaveVocabulary.CONTAINER_CONTROLS;
            case HOST -> WeaveVocabulary.HOST_CONTROLS;
            default -> StringMap.empty();
        };
    }

    private static StringMap<MetadataTemplate> metadataOf(TopologyId t) {
        return switch (t) {
            case PROCESS -> WeaveVocabulary.PROCESS_METADATA;
            case CONTAINER -> WeaveVocabulary.CONTAINER_METADATA;
            case CONTAINER_IMAGE -> WeaveVocabulary.IMAGE_METADATA;
            case HOST -> WeaveVocabulary.HOST_METADATA;
            default -> StringMap.empty();
        };
    }

    private static StringMap<MetricTemplate> metricTemplatesOf(TopologyId t) {
        return switch (t) {
            case PROCESS -> WeaveVocabulary.PROCESS_METRICS;
            case CONTAINER -> WeaveVocabulary.CONTAINER_METRICS;
            case HOST -> WeaveVocabulary.HOST_METRICS;
            default -> StringMap.empty();
        };
    }

    private static StringMap<TableTemplate> tablesOf(TopologyId t) {
        return switch (t) {
            case CONTAINER -> WeaveVocabulary.CONTAINER_TABLES;
            case CONTAINER_IMAGE -> WeaveVocabulary.IMAGE_TABLES;
            default -> StringMap.empty();
        };
    }

    public static Arbitrary<StringMap<DnsRecord>> dnsMaps() {
        List<String> names = List.of("db", "cache", "localhost", "vm", "api.shop");
        return stringMaps(WeaveVocabulary.IPS, ip -> Combinators.combine(stringSets(names), stringSets(names)).as(DnsRecord::new));
    }

    /**
     * A whole report: the six topologies a Docker host fills, the other seventeen as a probe
     * describes them (or empty, as in a plugin's fragment), DNS, plugins, and the counting fields.
     */
    public static Arbitrary<Report> reports() {
        List<Arbitrary<Topology>> filled = WeaveVocabulary.KINDS.stream().map(k -> topologies(k.topology())).toList();
        Arbitrary<List<Topology>> topologies = Combinators.combine(filled).as(Function.identity());
        Arbitrary<Boolean> described = Arbitraries.of(true, false);
        Arbitrary<String> ids = Arbitraries.of("2055858777892593143", "8451720344513931122", "", "17");
        Arbitrary<Long> reportTimes = Arbitraries.oneOf(Arbitraries.just(0L), timestamps());
        Arbitrary<Sampling> sampling = Combinators.combine(Arbitraries.longs().between(0, 50), Arbitraries.longs().between(0, 50))
                .as((count, extra) -> new Sampling(count, count + extra));
        Arbitrary<Long> windows = Arbitraries.of(0L, 3 * SECOND, 12_001_649_230L, 15 * SECOND);
        Arbitrary<Extras> extras = Combinators.combine(dnsMaps(), subMap(WeaveVocabulary.PLUGINS)).as(Extras::new);
        return Combinators.combine(topologies, described, ids, reportTimes, sampling, windows, Arbitraries.of(true, false), extras)
                .as((tops, desc, id, ts, samp, window, shortcut, extra) -> {
                    Report.Builder b = desc ? Report.standard(id, ts).toBuilder() : Report.builder().id(id).timestamp(ts);
                    for (int i = 0; i < tops.size(); i++) b.topology(WeaveVocabulary.KINDS.get(i).topology(), tops.get(i));
                    return b.sampling(samp).window(window).shortcut(shortcut).dns(extra.dns()).plugins(extra.plugins()).build();
                });
    }

    private record Extras(StringMap<DnsRecord> dns, StringMap<PluginSpec> plugins) {
    }

    /** Folds reports with {@link Report#merge}, left to right, starting from the empty report. */
    public static Report mergeAll(Collection<Report> reports) {
        Report out = Report.empty();
        for (Report r : reports) out = out.merge(r);
        return out;
    }
}
