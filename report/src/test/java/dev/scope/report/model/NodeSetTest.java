package dev.scope.report.model;

import dev.scope.report.Node;
import dev.scope.report.NodeSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeSetTest {
    private static Node proc(String id, String key, String value, long ts) {
        return Node.builder(id, "process").latest(key, value, ts).build();
    }

    @Test
    void nodesWithTheSameIdMergeWhenTheSetIsMade() {
        NodeSet set = NodeSet.of(proc("vm;1", "name", "init", 1), proc("vm;1", "pid", "1", 1), proc("vm;2", "pid", "2", 1));
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.get("vm;1").latest().size()).isEqualTo(2);
    }

    @Test
    void withMergesAndReplacingReplaces() {
        NodeSet set = NodeSet.of(proc("vm;1", "name", "init", 1));
        assertThat(set.with(proc("vm;1", "pid", "1", 1)).get("vm;1").latest().size()).isEqualTo(2);
        assertThat(set.replacing(proc("vm;1", "pid", "1", 1)).get("vm;1").latestValue("name")).isNull();
    }

    @Test
    void withoutRemovesOnlyAPresentId() {
        NodeSet set = NodeSet.of(proc("vm;1", "pid", "1", 1));
        assertThat(set.without("vm;9")).isSameAs(set);
        assertThat(set.without("vm;1").isEmpty()).isTrue();
        assertThat(set.contains("vm;1")).isTrue();
        assertThat(set.get("vm;9")).isNull();
    }

    @Test
    void iteratesInIdOrder() {
        NodeSet set = NodeSet.of(proc("vm;3", "pid", "3", 1), proc("vm;10", "pid", "10", 1), proc("vm;1", "pid", "1", 1));
        List<String> ids = new ArrayList<>();
        for (Node n : set) ids.add(n.id());
        assertThat(ids).containsExactly("vm;1", "vm;10", "vm;3");
        assertThat(set.nodes()).extracting(Node::id).containsExactlyElementsOf(ids);
        Iterator<Node> it = NodeSet.EMPTY.iterator();
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void mergeReturnsAnInputWhenTheOtherAddsNothing() {
        NodeSet set = NodeSet.of(proc("vm;1", "pid", "1", 1));
        assertThat(set.merge(NodeSet.EMPTY)).isSameAs(set);
        assertThat(NodeSet.EMPTY.merge(set)).isSameAs(set);
        assertThat(set.merge(NodeSet.of(proc("vm;1", "pid", "1", 1)))).isEqualTo(set);
    }
}
