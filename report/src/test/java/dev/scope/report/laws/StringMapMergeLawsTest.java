package dev.scope.report.laws;

import dev.scope.report.Latest;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.TreeSet;
import java.util.function.BinaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** StringMap.merge obeys the laws whenever the value merge does; checked with the two a node uses most. */
class StringMapMergeLawsTest {
    private static final BinaryOperator<StringMap<StringSet>> UNION = (a, b) -> a.merge(b, StringSet::merge);
    private static final BinaryOperator<StringMap<Latest>> NEWEST = (a, b) -> a.merge(b, Latest::newest);

    @Provide
    Arbitrary<StringMap<StringSet>> setMaps() {
        return ReportArbitraries.setMaps();
    }

    @Provide
    Arbitrary<StringMap<Latest>> latestMaps() {
        return ReportArbitraries.latestMaps();
    }

    @Property
    void mergeOfSetMapsIsCommutative(@ForAll("setMaps") StringMap<StringSet> a, @ForAll("setMaps") StringMap<StringSet> b) {
        MergeLaws.commutative(a, b, UNION);
    }

    @Property
    void mergeOfSetMapsIsAssociative(@ForAll("setMaps") StringMap<StringSet> a, @ForAll("setMaps") StringMap<StringSet> b,
                                     @ForAll("setMaps") StringMap<StringSet> c) {
        MergeLaws.associative(a, b, c, UNION);
    }

    @Property
    void mergeOfSetMapsIsIdempotent(@ForAll("setMaps") StringMap<StringSet> a) {
        MergeLaws.idempotent(a, UNION);
        assertThat(UNION.apply(a, StringMap.copyOf(a.toMap()))).isEqualTo(a);
    }

    @Property
    void mergeOfLatestMapsIsCommutative(@ForAll("latestMaps") StringMap<Latest> a, @ForAll("latestMaps") StringMap<Latest> b) {
        MergeLaws.commutative(a, b, NEWEST);
    }

    @Property
    void mergeOfLatestMapsIsAssociative(@ForAll("latestMaps") StringMap<Latest> a, @ForAll("latestMaps") StringMap<Latest> b,
                                        @ForAll("latestMaps") StringMap<Latest> c) {
        MergeLaws.associative(a, b, c, NEWEST);
    }

    @Property
    void mergeOfLatestMapsIsIdempotent(@ForAll("latestMaps") StringMap<Latest> a) {
        MergeLaws.idempotent(a, NEWEST);
    }

    @Property
    void emptyIsTheIdentity(@ForAll("latestMaps") StringMap<Latest> a) {
        MergeLaws.identity(a, StringMap.empty(), NEWEST);
    }

    @Property
    void keysAreTheUnionAndSharedKeysAreCombined(@ForAll("latestMaps") StringMap<Latest> a, @ForAll("latestMaps") StringMap<Latest> b) {
        StringMap<Latest> merged = NEWEST.apply(a, b);
        TreeSet<String> keys = new TreeSet<>(a.toMap().keySet());
        keys.addAll(b.toMap().keySet());
        assertThat(merged.toMap().keySet()).containsExactlyElementsOf(keys);
        for (String key : keys) {
            Latest mine = a.get(key), theirs = b.get(key);
            Latest expected = mine == null ? theirs : theirs == null ? mine : mine.newest(theirs);
            assertThat(merged.get(key)).as(key).isEqualTo(expected);
        }
    }
}
