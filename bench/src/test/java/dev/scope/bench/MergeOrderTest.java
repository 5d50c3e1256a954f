package dev.scope.bench;

import dev.scope.report.Report;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The merge benchmarks fold the same reports in different shapes; they must be measuring the same result. */
class MergeOrderTest {

    @Test
    void foldingLeftToRightPairwiseOrShuffledGivesTheSameReport() {
        List<Report> reports = SyntheticCluster.of(new SyntheticCluster.Shape(9, 3, 2, 4, 2, 6), 11)
                .reports(1_795_417_704_000_000_000L);
        Report leftToRight = Report.empty();
        for (Report r : reports) leftToRight = leftToRight.merge(r);
        List<Report> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, new Random(3));
        Report shuffledFold = shuffled.stream().reduce(Report.empty(), Report::merge);
        assertThat(pairwise(reports, 0, reports.size())).isEqualTo(leftToRight);
        assertThat(shuffledFold).isEqualTo(leftToRight);
    }

    private static Report pairwise(List<Report> reports, int from, int to) {
        if (to - from == 1) return reports.get(from);
        int mid = (from + to) >>> 1;
        return pairwise(reports, from, mid).merge(pairwise(reports, mid, to));
    }
}
