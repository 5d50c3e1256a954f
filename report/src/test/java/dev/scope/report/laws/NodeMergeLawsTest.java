package dev.scope.report.laws;

import dev.scope.report.Latest;
import dev.scope.report.Node;
import dev.scope.report.StringSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Merging views of one node from several probes (or several reports of one probe). */
class NodeMergeLawsTest {

    /** Three nodes of the same topology, often with the same id and the same keys. */
    @Provide
    Arbitrary<List<Node>> triples() {
        return Arbitraries.of(WeaveVocabulary.KINDS).flatMap(kind -> {
            Arbitrary<Node> nodes = ReportArbitraries.nodes(kind);
            return Combinators.combine(nodes, nodes, nodes).as(List::of);
        });
    }

    @Property(tries = 300)
    void mergeIsCommutative(@ForAll("triples") List<Node> n) {
        MergeLaws.commutative(n.get(0), n.get(1), Node::merge);
    }

    @Property(tries = 300)
    void mergeIsAssociative(@ForAll("triples") List<Node> n) {
        MergeLaws.associative(n.get(0), n.get(1), n.get(2), Node::merge);
    }

    @Property(tries = 300)
    void mergeIsIdempotent(@ForAll("triples") List<Node> n) {
        MergeLaws.idempotent(n.get(0), Node::merge);
        Node a = n.get(0);
        Node copy = new Node(a.id(), a.topology(), a.latest(), a.sets(), a.adjacency(), a.metrics(), a.parents(), a.children());
        assertThat(a.merge(copy)).isEqualTo(a);
    }

    @Property(tries = 300)
    void aNodeWithNothingInItIsTheIdentity(@ForAll("triples") List<Node> n) {
        Node a = n.get(0);
        MergeLaws.identity(a, Node.of(a.id(), a.topology()), Node::merge);
        MergeLaws.identity(a, Node.of("", ""), Node::merge);
    }

    @Property(tries = 300)
    void theNewestLatestValueWinsPerKey(@ForAll("triples") List<Node> n) {
        Node a = n.get(0), b = n.get(1), merged = a.merge(b);
        for (int i = 0; i < merged.latest().size(); i++) {
            String key = merged.latest().keyAt(i);
            Latest mine = a.latest().get(key), theirs = b.latest().get(key);
            long newest = Math.max(mine == null ? Long.MIN_VALUE : mine.timestamp(), theirs == null ? Long.MIN_VALUE : theirs.timestamp());
            assertThat(merged.latest().valueAt(i).timestamp()).as(key).isEqualTo(newest);
        }
        assertThat(merged.latest().size()).isGreaterThanOrEqualTo(Math.max(a.latest().size(), b.latest().size()));
    }

    @Property(tries = 300)
    void setsParentsAndAdjacencyAreUnions(@ForAll("triples") List<Node> n) {
        Node a = n.get(0), b = n.get(1), merged = a.merge(b);
        assertThat(merged.adjacency()).containsExactlyElementsOf(union(a.adjacency(), b.adjacency()));
        for (String key : union(StringSet.of(a.sets().toMap().keySet()), StringSet.of(b.sets().toMap().keySet()))) {
            assertThat(merged.set(key)).as(key).containsExactlyElementsOf(union(a.set(key), b.set(key)));
        }
        for (String key : union(StringSet.of(a.parents().toMap().keySet()), StringSet.of(b.parents().toMap().keySet()))) {
            assertThat(merged.parentIds(key)).as(key).containsExactlyElementsOf(union(a.parentIds(key), b.parentIds(key)));
        }
    }

    @Property(tries = 300)
    void metricsMergeSampleByKey(@ForAll("triples") List<Node> n) {
        Node a = n.get(0), b = n.get(1), merged = a.merge(b);
        merged.metrics().forEach((key, metric) -> {
            var mine = a.metrics().get(key);
            var theirs = b.metrics().get(key);
            assertThat(metric).as(key).isEqualTo(mine == null ? theirs : theirs == null ? mine : mine.merge(theirs));
        });
    }

    private static TreeSet<String> union(List<String> a, List<String> b) {
        TreeSet<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }
}
