package dev.scope.report.laws;

import dev.scope.report.Metric;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class MetricMergeLawsTest {

    @Provide
    Arbitrary<Metric> metrics() {
        return ReportArbitraries.metrics();
    }

    @Property
    void mergeIsCommutative(@ForAll("metrics") Metric a, @ForAll("metrics") Metric b) {
        MergeLaws.commutative(a, b, Metric::merge);
    }

    @Property
    void mergeIsAssociative(@ForAll("metrics") Metric a, @ForAll("metrics") Metric b, @ForAll("metrics") Metric c) {
        MergeLaws.associative(a, b, c, Metric::merge);
    }

    @Property
    void mergeIsIdempotent(@ForAll("metrics") Metric a) {
        MergeLaws.idempotent(a, Metric::merge);
    }

    @Property
    void emptyIsTheIdentity(@ForAll("metrics") Metric a) {
        MergeLaws.identity(a, Metric.EMPTY, Metric::merge);
    }

    /** Samples at the same time from two probes keep the greater value, so the result does not depend on order. */
    @Property
    void samplesAreTheUnionByTime(@ForAll("metrics") Metric a, @ForAll("metrics") Metric b) {
        TreeMap<Long, Double> expected = new TreeMap<>();
        for (Metric m : new Metric[] {a, b}) {
            for (int i = 0; i < m.size(); i++) expected.merge(m.timeAt(i), m.valueAt(i), Math::max);
        }
        Metric merged = a.merge(b);
        TreeMap<Long, Double> actual = new TreeMap<>();
        for (int i = 0; i < merged.size(); i++) {
            if (i > 0) assertThat(merged.timeAt(i)).as("samples sorted by time").isGreaterThan(merged.timeAt(i - 1));
            actual.put(merged.timeAt(i), merged.valueAt(i));
        }
        assertThat(merged.size()).isEqualTo(actual.size());
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Property
    void rangeWidensToCoverBothWhenBothHaveSamples(@ForAll("metrics") Metric a, @ForAll("metrics") Metric b) {
        if (a.isEmpty() || b.isEmpty()) return;
        Metric merged = a.merge(b);
        assertThat(merged.min()).isEqualTo(Math.min(a.min(), b.min()));
        assertThat(merged.max()).isEqualTo(Math.max(a.max(), b.max()));
    }
}
