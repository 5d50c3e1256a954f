package dev.scope.report.laws;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app merges whatever reports arrived in its window, in whatever order; these laws make the merged
 * report (and so every rendered view) independent of arrival order and grouping.
 */
class ReportMergeLawsTest {

    @Provide
    Arbitrary<Report> reports() {
        return ReportArbitraries.reports();
    }

    @Property(tries = 150)
    void mergeIsCommutative(@ForAll("reports") Report a, @ForAll("reports") Report b) {
        MergeLaws.commutative(a, b, Report::merge);
    }

    @Property(tries = 150)
    void mergeIsAssociative(@ForAll("reports") Report a, @ForAll("reports") Report b, @ForAll("reports") Report c) {
        MergeLaws.associative(a, b, c, Report::merge);
    }

    /**
     * Window and sampling count (the window is the time the merged reports span, sampling how many items
     * were seen), so merging a report with itself doubles them by design; everything else stays the same.
     */
    @Property(tries = 150)
    void mergeIsIdempotentExceptForWindowAndSamplingWhichAddUp(@ForAll("reports") Report a) {
        Report twice = a.merge(a);
        assertThat(twice.window()).isEqualTo(2 * a.window());
        assertThat(twice.sampling().count()).isEqualTo(2 * a.sampling().count());
        assertThat(twice.sampling().total()).isEqualTo(2 * a.sampling().total());
        assertThat(twice.toBuilder().window(a.window()).sampling(a.sampling()).build()).isEqualTo(a);
    }

    @Property(tries = 150)
    void emptyIsTheIdentity(@ForAll("reports") Report a) {
        MergeLaws.identity(a, Report.empty(), Report::merge);
    }

    @Property(tries = 150)
    void windowAndSamplingAddUp(@ForAll("reports") Report a, @ForAll("reports") Report b) {
        Report merged = a.merge(b);
        assertThat(merged.window()).isEqualTo(a.window() + b.window());
        assertThat(merged.sampling().count()).isEqualTo(a.sampling().count() + b.sampling().count());
        assertThat(merged.sampling().total()).isEqualTo(a.sampling().total() + b.sampling().total());
    }

    @Property(tries = 60)
    void manyReportsMergeToTheSameReportInAnyOrder(@ForAll @Size(min = 2, max = 8) List<@From("reports") Report> reports,
                                                   @ForAll long shuffleSeed) {
        List<Report> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        assertThat(ReportArbitraries.mergeAll(shuffled)).isEqualTo(ReportArbitraries.mergeAll(reports));
    }

    @Property(tries = 150)
    void everyNodeOfEitherReportIsInTheMerge(@ForAll("reports") Report a, @ForAll("reports") Report b) {
        Report merged = a.merge(b);
        for (TopologyId t : TopologyId.all()) {
            for (Report r : List.of(a, b)) {
                for (Node n : r.topology(t).nodes()) assertThat(merged.topology(t).nodes().contains(n.id())).isTrue();
            }
        }
        assertThat(merged.nodeCount()).isGreaterThanOrEqualTo(Math.max(a.nodeCount(), b.nodeCount()));
    }

    @Property(tries = 150)
    void theMergedReportKeepsTheEarliestKnownTimestampAndAnyShortcut(@ForAll("reports") Report a, @ForAll("reports") Report b) {
        Report merged = a.merge(b);
        long expected = a.timestamp() == 0 ? b.timestamp() : b.timestamp() == 0 ? a.timestamp() : Math.min(a.timestamp(), b.timestamp());
        assertThat(merged.timestamp()).isEqualTo(expected);
        assertThat(merged.shortcut()).isEqualTo(a.shortcut() || b.shortcut());
    }

    /** Guards the generators: laws checked on reports that never overlap would prove little. */
    @Property(tries = 150)
    void generatedReportsUsuallyDescribeSomeOfTheSameNodes(@ForAll("reports") Report a, @ForAll("reports") Report b) {
        boolean shared = false;
        for (TopologyId t : TopologyId.all()) {
            for (Node n : a.topology(t).nodes()) shared |= b.topology(t).nodes().contains(n.id());
        }
        Statistics.label("shares a node").collect(shared);
        Statistics.label("shares a node").coverage(check -> check.check(true).percentage(p -> p >= 40));
    }
}
