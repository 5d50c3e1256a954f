package dev.scope.report.codec;

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
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import dev.scope.report.TableTemplate;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Reports that go where the fixture does not: strings at the fixstr/str16/str32 boundaries and in other
 * scripts, times anywhere in the long range, negative and huge numbers, NaN (msgpack only), every
 * optional field, nested children.
 */
final class CodecArbitraries {
    private CodecArbitraries() {
    }

    static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.strings().alpha().numeric().withChars(";<>/-_. ").ofMaxLength(40)),
                Tuple.of(4, Arbitraries.of("", "é", "日本語", "🚀 rocket", "tab\tnew\nline", "quote\"back\\slash", "\u0000nul")),
                Tuple.of(1, Arbitraries.of(31, 32, 255, 256, 65_535, 65_536).map("x"::repeat)));
    }

    static Arbitrary<Long> times() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE,
                1_795_417_692_999_410_011L));
    }

    static Arbitrary<Double> doubles(boolean json) {
        Arbitrary<Double> finite = Arbitraries.oneOf(Arbitraries.doubles(),
                Arbitraries.of(0.0, -0.0, 0.1, 1e-7, 1.5e21, 1.8446744073709552e19, Double.MIN_VALUE, Double.MAX_VALUE, -3.5));
        return json ? finite : Arbitraries.oneOf(finite, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    /** Go omits a zero priority, so -0.0 comes back as 0.0 there as here: not generated. */
    static Arbitrary<Double> priorities(boolean json) {
        return doubles(json).map(d -> d == 0 ? 0.0 : d);
    }

    static <V> Arbitrary<StringMap<V>> maps(Arbitrary<V> values, int maxSize) {
        return Arbitraries.maps(strings(), values).ofMaxSize(maxSize).map(m -> StringMap.copyOf(new TreeMap<>(m)));
    }

    static Arbitrary<StringSet> sets() {
        return strings().list().ofMaxSize(4).map(StringSet::of);
    }

    static Arbitrary<Metric> metrics(boolean json) {
        return Combinators.combine(Arbitraries.longs().set().ofMaxSize(5), doubles(json).list().ofSize(5), doubles(json), doubles(json))
                .as((times, values, min, max) -> {
                    long[] t = times.stream().mapToLong(Long::longValue).sorted().toArray();
                    double[] v = new double[t.length];
                    for (int i = 0; i < t.length; i++) v[i] = values.get(i);
                    return Metric.of(t, v, min, max);
                });
    }

    static Arbitrary<Node> nodes(boolean json, int childDepth) {
        Arbitrary<NodeSet> children = childDepth == 0 ? Arbitraries.just(NodeSet.EMPTY)
                : nodes(json, childDepth - 1).list().ofMaxSize(2).map(NodeSet::of);
        Arbitrary<StringMap<Latest>> latest = maps(Combinators.combine(strings(), times()).as(Latest::new), 4);
        return Combinators.combine(strings(), Arbitraries.of("", "process"), latest, maps(sets(), 3),
                        sets(), maps(metrics(json), 2), maps(sets(), 2), children)
                .as(Node::new);
    }

    static Arbitrary<Topology> topologies(boolean json) {
        Arbitrary<Control> controls = Combinators.combine(strings(), strings(), strings(), strings(), Arbitraries.integers())
                .as(Control::new);
        Arbitrary<MetadataTemplate> metadata = Combinators.combine(strings(), strings(), Arbitraries.integers(), strings(),
                priorities(json), Arbitraries.of("", "latest", "sets", "counters")).as(MetadataTemplate::new);
        Arbitrary<MetricTemplate> metric = Combinators.combine(strings(), strings(), strings(), strings(), priorities(json))
                .as(MetricTemplate::new);
        Arbitrary<List<TableTemplate.Column>> columns = Combinators.combine(strings(), strings(), strings())
                .as(TableTemplate.Column::new).list().ofMaxSize(2).injectNull(0.4);
        Arbitrary<TableTemplate> table = Combinators.combine(strings(), strings(), strings(),
                Arbitraries.of("", "property-list", "multicolumn-table"), columns, maps(strings(), 2)).as(TableTemplate::new);
        Arbitrary<List<String>> labels = strings().list().ofSize(4);
        return Combinators.combine(labels, nodes(json, 2).list().ofMaxSize(4).map(NodeSet::of),
                        maps(controls, 2), maps(metadata, 2), maps(metric, 2), maps(table, 2))
                .as((l, nodes, c, md, mt, tt) -> new Topology(l.get(0), l.get(1), l.get(2), l.get(3), nodes, c, md, mt, tt));
    }

    static Arbitrary<StringMap<PluginSpec>> plugins() {
        Arbitrary<PluginSpec> spec = Combinators.combine(strings(), strings(), strings(),
                        Arbitraries.of("reporter", "controller").list().ofMaxSize(2), Arbitraries.of("", "1"), strings())
                .as(PluginSpec::new);
        return spec.list().ofMaxSize(3).map(list -> {
            StringMap.Builder<PluginSpec> b = new StringMap.Builder<>();
            list.forEach(p -> b.put(p.id(), p));
            return b.build();
        });
    }

    static Arbitrary<Report> reports(boolean json) {
        Arbitrary<StringMap<DnsRecord>> dns = maps(Combinators.combine(sets(), sets()).as(DnsRecord::new), 3);
        Arbitrary<Sampling> sampling = Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(Sampling::new);
        Arbitrary<List<Topology>> someTopologies = topologies(json).list().ofMaxSize(3);
        Arbitrary<List<TopologyId>> where = Arbitraries.of(TopologyId.all()).list().ofSize(3);
        return Combinators.combine(strings(), times(), Arbitraries.longs(), Arbitraries.of(true, false), dns, sampling,
                        plugins(), Combinators.combine(someTopologies, where).as((t, w) -> new Object[] {t, w}))
                .as((id, ts, window, shortcut, d, s, p, tw) -> {
                    Report.Builder b = Report.builder().id(id).timestamp(ts).window(window).shortcut(shortcut)
                            .dns(d).sampling(s).plugins(p);
                    @SuppressWarnings("unchecked") List<Topology> tops = (List<Topology>) tw[0];
                    @SuppressWarnings("unchecked") List<TopologyId> ids = (List<TopologyId>) tw[1];
                    for (int i = 0; i < tops.size(); i++) b.topology(ids.get(i), tops.get(i));
                    return b.build();
                });
    }
}
