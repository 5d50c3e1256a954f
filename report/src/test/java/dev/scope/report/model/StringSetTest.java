package dev.scope.report.model;

import dev.scope.report.StringSet;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StringSetTest {

    @Test
    void ofSortsAndDropsDuplicates() {
        assertThat(StringSet.of("shop", "bridge", "shop", "")).containsExactly("", "bridge", "shop");
        assertThat(StringSet.of(List.of("b", "a", "b"))).containsExactly("a", "b");
        assertThat(StringSet.of()).isSameAs(StringSet.EMPTY);
    }

    @Test
    void ofDoesNotChangeTheCallersArray() {
        String[] given = {"b", "a"};
        StringSet.of(given);
        assertThat(given).containsExactly("b", "a");
    }

    @Test
    void withInsertsInOrderAndReturnsTheSameSetWhenPresent() {
        StringSet set = StringSet.of("a", "c");
        assertThat(set.with("b")).containsExactly("a", "b", "c");
        assertThat(set.with("a")).isSameAs(set);
    }

    @Test
    void containsFindsOnlyStringsInTheSet() {
        StringSet set = StringSet.of("10.0.0.1", "10.0.0.2");
        assertThat(set.contains("10.0.0.2")).isTrue();
        assertThat(set.contains("10.0.0.3")).isFalse();
        assertThat(set.contains(42)).isFalse();
    }

    @Test
    void mergeReturnsAnInputWhenItAlreadyIsTheUnion() {
        StringSet big = StringSet.of("a", "b", "c");
        assertThat(big.merge(StringSet.of("b"))).isSameAs(big);
        assertThat(StringSet.of("b").merge(big)).isSameAs(big);
        assertThat(StringSet.of("a").merge(StringSet.of("z"))).containsExactly("a", "z");
    }

    @Test
    void isAnImmutableListEqualToOtherListsWithTheSameStrings() {
        StringSet set = StringSet.of("x", "y");
        assertThat(set).isEqualTo(Arrays.asList("x", "y"));
        assertThatThrownBy(() -> set.add("z")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNullStrings() {
        assertThatThrownBy(() -> StringSet.of("a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> StringSet.of((String) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("null in string set");
    }
}
