package dev.scope.bench.jmh;

import dev.scope.report.Report;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The app's hot path between ingest and render: folding the 100 reports of the target cluster
 * (100 hosts, 12.5k processes, 800 containers) into one, as the collector does on every render:
 * left to right, and as a balanced tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MergeBenchmark {
    private List<Report> reports;

    @Setup
    public void makeReports() {
        reports = Workloads.targetClusterReports();
    }

    @Benchmark
    public Report mergeHundredProbeReports(Throughput counted) {
        Report merged = Report.empty();
        for (Report r : reports) merged = merged.merge(r);
        counted.count(0, reports.size());
        return merged;
    }

    /**
     * The same merge as a balanced tree: each report is copied about log2(100) times instead of once
     * per later report, since merge is associative and commutative the result is equal.
     */
    @Benchmark
    public Report mergeHundredProbeReportsPairwise(Throughput counted) {
        counted.count(0, reports.size());
        return mergeRange(0, reports.size());
    }

    private Report mergeRange(int from, int to) {
        if (to - from == 1) return reports.get(from);
        int mid = (from + to) >>> 1;
        return mergeRange(from, mid).merge(mergeRange(mid, to));
    }
}
