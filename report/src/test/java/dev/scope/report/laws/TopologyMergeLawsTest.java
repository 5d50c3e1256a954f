package dev.scope.report.laws;

import dev.scope.report.Node;
import dev.scope.report.Topology;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class TopologyMergeLawsTest {

    /** Three versions of one topology, as three probes (or a probe and a plugin) send it. */
    @Provide
    Arbitrary<List<Topology>> triples() {
        return Arbitraries.of(WeaveVocabulary.KINDS).flatMap(kind -> {
            Arbitrary<Topology> t = ReportArbitraries.topologies(kind.topology());
            return Combinators.combine(t, t, t).as(List::of);
        });
    }

    @Property(tries = 200)
    void mergeIsCommutative(@ForAll("triples") List<Topology> t) {
        MergeLaws.commutative(t.get(0), t.get(1), Topology::merge);
    }

    @Property(tries = 200)
    void mergeIsAssociative(@ForAll("triples") List<Topology> t) {
        MergeLaws.associative(t.get(0), t.get(1), t.get(2), Topology::merge);
    }

    @Property(tries = 200)
    void mergeIsIdempotent(@ForAll("triples") List<Topology> t) {
        MergeLaws.idempotent(t.get(0), Topology::merge);
    }

    @Property(tries = 200)
    void emptyIsTheIdentity(@ForAll("triples") List<Topology> t) {
        MergeLaws.identity(t.get(0), Topology.EMPTY, Topology::merge);
    }

    @Property(tries = 200)
    void nodesWithTheSameIdMergeAndOthersAreKept(@ForAll("triples") List<Topology> t) {
        Topology a = t.get(0), b = t.get(1), merged = a.merge(b);
        TreeSet<String> ids = new TreeSet<>();
        a.nodes().forEach(n -> ids.add(n.id()));
        b.nodes().forEach(n -> ids.add(n.id()));
        assertThat(merged.nodes().nodes()).extracting(Node::id).containsExactlyElementsOf(ids);
        for (String id : ids) {
            Node mine = a.nodes().get(id), theirs = b.nodes().get(id);
            assertThat(merged.nodes().get(id)).isEqualTo(mine == null ? theirs : theirs == null ? mine : mine.merge(theirs));
        }
    }

    @Property(tries = 200)
    void templatesAndControlsAreTheUnionByKey(@ForAll("triples") List<Topology> t) {
        Topology a = t.get(0), b = t.get(1), merged = a.merge(b);
        assertThat(merged.controls().toMap()).containsAllEntriesOf(a.controls().toMap()).containsAllEntriesOf(b.controls().toMap());
        assertThat(merged.metadataTemplates().toMap()).containsAllEntriesOf(a.metadataTemplates().toMap())
                .containsAllEntriesOf(b.metadataTemplates().toMap());
        assertThat(merged.metricTemplates().toMap()).containsAllEntriesOf(a.metricTemplates().toMap())
                .containsAllEntriesOf(b.metricTemplates().toMap());
        assertThat(merged.tableTemplates().toMap()).containsAllEntriesOf(a.tableTemplates().toMap())
                .containsAllEntriesOf(b.tableTemplates().toMap());
    }
}
