package dev.scope.report.model;

import dev.scope.report.Metric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricTest {
    private static final long T = 1_795_417_693_001_233_790L;
    private static final long S = 1_000_000_000L;

    @Test
    void ofSortsSamplesByTimeAndKeepsTheGreaterValueOfADuplicateTime() {
        Metric m = Metric.of(new long[] {T + 2 * S, T, T + S, T}, new double[] {3, 1, 2, 7}, 0, 100);
        assertThat(m.size()).isEqualTo(3);
        assertThat(new long[] {m.timeAt(0), m.timeAt(1), m.timeAt(2)}).containsExactly(T, T + S, T + 2 * S);
        assertThat(new double[] {m.valueAt(0), m.valueAt(1), m.valueAt(2)}).containsExactly(7, 2, 3);
        assertThat(m.min()).isZero();
        assertThat(m.max()).isEqualTo(100);
    }

    @Test
    void ofDoesNotShareTheCallersArrays() {
        long[] times = {T, T + S};
        double[] values = {1, 2};
        Metric m = Metric.of(times, values, 0, 2);
        values[1] = 99;
        times[1] = T + 9 * S;
        assertThat(m.lastValue()).isEqualTo(2);
        assertThat(m.lastTime()).isEqualTo(T + S);
    }

    @Test
    void rejectsTimesAndValuesOfDifferentLengths() {
        assertThatThrownBy(() -> Metric.of(new long[] {T}, new double[0], 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
    }

    @Test
    void aSingleSampleIsItsOwnRangeUnlessOneIsGiven() {
        Metric load = Metric.single(T, 0.08);
        assertThat(load.min()).isEqualTo(0.08);
        assertThat(load.max()).isEqualTo(0.08);
        Metric cpu = Metric.single(T, 3.03, 0, 100);
        assertThat(cpu.max()).isEqualTo(100);
        assertThat(cpu.lastValue()).isEqualTo(3.03);
    }

    @Test
    void mergeUnionsSamplesByTimeAndWidensTheRange() {
        Metric a = Metric.of(new long[] {T, T + S}, new double[] {14839808, 15171584}, 14839808, 1.8446744073709552e19);
        Metric b = Metric.of(new long[] {T + S, T + 2 * S}, new double[] {15000000, 14970880}, 1294336, 2e9);
        Metric merged = a.merge(b);
        assertThat(merged.size()).isEqualTo(3);
        assertThat(merged.valueAt(1)).as("greater value at a shared time").isEqualTo(15171584);
        assertThat(merged.min()).isEqualTo(1294336);
        assertThat(merged.max()).isEqualTo(1.8446744073709552e19);
    }

    @Test
    void anEmptySeriesAddsNoRangeToOneWithSamples() {
        Metric samples = Metric.single(T, 5, 0, 10);
        Metric emptyWide = Metric.of(new long[0], new double[0], -100, 100);
        assertThat(samples.merge(emptyWide)).isSameAs(samples);
        assertThat(emptyWide.merge(samples)).isSameAs(samples);
        assertThat(samples.merge(Metric.EMPTY)).isSameAs(samples);
    }

    @Test
    void twoEmptySeriesWidenTheirRangesInEitherOrder() {
        Metric a = Metric.of(new long[0], new double[0], 0, 100);
        Metric b = Metric.of(new long[0], new double[0], -1, 1);
        assertThat(a.merge(b)).isEqualTo(b.merge(a)).isEqualTo(Metric.of(new long[0], new double[0], -1, 100));
        assertThat(Metric.EMPTY.merge(b)).isSameAs(b);
    }

    @Test
    void sinceDropsOlderSamplesAndKeepsTheRange() {
        Metric m = Metric.of(new long[] {T, T + S, T + 2 * S}, new double[] {1, 2, 3}, 0, 10);
        Metric recent = m.since(T + S);
        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.timeAt(0)).isEqualTo(T + S);
        assertThat(recent.max()).isEqualTo(10);
        assertThat(m.since(T)).isSameAs(m);
        assertThat(m.since(T + 3 * S).isEmpty()).isTrue();
    }

    @Test
    void anEmptyMetricHasNoLastValue() {
        assertThat(Metric.EMPTY.lastValue()).isNaN();
        assertThat(Metric.EMPTY.lastTime()).isZero();
        assertThat(Metric.EMPTY.isEmpty()).isTrue();
    }

    @Test
    void equalSamplesAndRangeMeanEqualMetrics() {
        Metric a = Metric.of(new long[] {T}, new double[] {Double.NaN}, 0, 1);
        Metric b = Metric.of(new long[] {T}, new double[] {Double.NaN}, 0, 1);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Metric.of(new long[] {T}, new double[] {Double.NaN}, 0, 2));
    }
}
