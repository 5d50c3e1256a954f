package dev.scope.report.model;

import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StringMapTest {

    @Test
    void keepsKeysSortedWhateverTheInsertionOrder() {
        Map<String, Integer> unordered = new LinkedHashMap<>();
        unordered.put("pid", 1);
        unordered.put("cmdline", 2);
        unordered.put("name", 3);
        StringMap<Integer> map = StringMap.copyOf(unordered);
        assertThat(map.keyAt(0)).isEqualTo("cmdline");
        assertThat(map.keyAt(1)).isEqualTo("name");
        assertThat(map.keyAt(2)).isEqualTo("pid");
        assertThat(map.valueAt(2)).isEqualTo(1);
        assertThat(map.with("host_node_id", 4).toMap().keySet()).containsExactly("cmdline", "host_node_id", "name", "pid");
    }

    @Test
    void getAndContainsKeyFindPresentKeysOnly() {
        StringMap<String> map = StringMap.of("os", "linux");
        assertThat(map.get("os")).isEqualTo("linux");
        assertThat(map.get("kernel_version")).isNull();
        assertThat(map.containsKey("os")).isTrue();
        assertThat(map.containsKey("")).isFalse();
    }

    @Test
    void withReplacesAValueAndReturnsTheSameMapWhenNothingChanges() {
        StringMap<String> map = StringMap.of("state", "running");
        assertThat(map.with("state", "running")).isSameAs(map);
        StringMap<String> paused = map.with("state", "paused");
        assertThat(paused.get("state")).isEqualTo("paused");
        assertThat(map.get("state")).as("the original is unchanged").isEqualTo("running");
    }

    @Test
    void withoutRemovesAKeyAndReturnsTheSameMapWhenItIsAbsent() {
        StringMap<String> map = new StringMap.Builder<String>().put("a", "1").put("b", "2").build();
        assertThat(map.without("c")).isSameAs(map);
        assertThat(map.without("a").toMap()).containsExactly(Map.entry("b", "2"));
        assertThat(map.without("a").without("b").isEmpty()).isTrue();
    }

    @Test
    void mergeReturnsAnInputUnchangedWhenTheOtherAddsNothing() {
        StringMap<StringSet> nets = StringMap.of("local_networks", StringSet.of("10.0.0.0/8", "127.0.0.1/8"));
        assertThat(nets.merge(StringMap.empty(), StringSet::merge)).isSameAs(nets);
        assertThat(StringMap.<StringSet>empty().merge(nets, StringSet::merge)).isSameAs(nets);
        StringMap<StringSet> subset = StringMap.of("local_networks", StringSet.of("127.0.0.1/8"));
        assertThat(nets.merge(subset, StringSet::merge)).isSameAs(nets);
    }

    @Test
    void mergeCombinesValuesUnderTheSameKey() {
        StringMap<StringSet> a = StringMap.of("ips", StringSet.of("10.0.0.1"));
        StringMap<StringSet> b = new StringMap.Builder<StringSet>()
                .put("ips", StringSet.of("10.0.0.2")).put("networks", StringSet.of("shop")).build();
        StringMap<StringSet> merged = a.merge(b, StringSet::merge);
        assertThat(merged.get("ips")).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(merged.get("networks")).containsExactly("shop");
    }

    @Test
    void theBuilderKeepsTheLastValueForAKey() {
        StringMap<String> map = new StringMap.Builder<String>().put("k", "first").put("k", "second").build();
        assertThat(map.size()).isEqualTo(1);
        assertThat(map.get("k")).isEqualTo("second");
    }

    @Test
    void rejectsNullKeysAndValues() {
        assertThatThrownBy(() -> StringMap.of("k", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> StringMap.of("k", "v").with("k", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new StringMap.Builder<String>().put(null, "v")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void equalContentMeansEqualMapsAndHashCodes() {
        StringMap<String> a = new StringMap.Builder<String>().put("x", "1").put("y", "2").build();
        StringMap<String> b = StringMap.copyOf(Map.of("y", "2", "x", "1"));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(b.with("y", "3"));
        assertThat(a.toString()).isEqualTo("{x=1, y=2}");
    }
}
