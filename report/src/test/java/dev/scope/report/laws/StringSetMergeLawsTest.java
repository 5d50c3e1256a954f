package dev.scope.report.laws;

import dev.scope.report.StringSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class StringSetMergeLawsTest {

    @Provide
    Arbitrary<StringSet> sets() {
        return ReportArbitraries.stringSets(List.of("10.199.5.3", "10.199.5.4", "10.199.5.6", "127.0.0.1/8", "shop", "bridge", ""));
    }

    @Property
    void mergeIsCommutative(@ForAll("sets") StringSet a, @ForAll("sets") StringSet b) {
        MergeLaws.commutative(a, b, StringSet::merge);
    }

    @Property
    void mergeIsAssociative(@ForAll("sets") StringSet a, @ForAll("sets") StringSet b, @ForAll("sets") StringSet c) {
        MergeLaws.associative(a, b, c, StringSet::merge);
    }

    @Property
    void mergeIsIdempotentEvenForEqualCopies(@ForAll("sets") StringSet a) {
        MergeLaws.idempotent(a, StringSet::merge);
        assertThat(a.merge(StringSet.of(List.copyOf(a)))).isEqualTo(a);
    }

    @Property
    void emptyIsTheIdentity(@ForAll("sets") StringSet a) {
        MergeLaws.identity(a, StringSet.EMPTY, StringSet::merge);
    }

    @Property
    void mergeIsTheSortedUnion(@ForAll("sets") StringSet a, @ForAll("sets") StringSet b) {
        TreeSet<String> union = new TreeSet<>(a);
        union.addAll(b);
        assertThat(a.merge(b)).containsExactlyElementsOf(union);
    }
}
