package dev.scope.bench.jmh;

import dev.scope.report.Report;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the benchmarks with JMH's usual command-line options and ends with one table of the figures
 * people ask for: operations, MB/s and reports per second.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.scope.bench.jmh.Figures -f 1 -wi 3 -i 5 [regexp]</pre>
 */
public final class Figures {
    private Figures() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        System.out.println();
        printWorkloads(results);
        System.out.printf("%-50s %-30s %16s %12s %12s%n", "benchmark", "params", "ops/s", "MB/s", "reports/s");
        for (RunResult run : results) {
            Result<?> primary = run.getPrimaryResult();
            Map<String, Result> secondary = run.getSecondaryResults();
            String name = run.getParams().getBenchmark().replaceFirst("^.*\\.jmh\\.", "");
            System.out.printf("%-50s %-30s %16s %12s %12s%n", name, params(run),
                    "%.2f ± %.2f".formatted(primary.getScore(), primary.getScoreError()),
                    rate(secondary.get("megabytes")), rate(secondary.get("reports")));
        }
    }

    /** The size of each encoded report that was measured, so MB/s can be read back as reports/s. */
    private static void printWorkloads(Collection<RunResult> results) {
        Map<String, Report> reports = new TreeMap<>();
        for (RunResult run : results) {
            String name = run.getParams().getParam("report");
            if (name != null) reports.computeIfAbsent(name, Workloads::named);
        }
        reports.forEach((name, report) -> {
            StringBuilder line = new StringBuilder("%s: %,d nodes;".formatted(name, report.nodeCount()));
            for (String wire : new String[] {"msgpack+gzip", "msgpack", "json+gzip", "json"}) {
                int size = Workloads.body(name, report, wire).length;
                line.append(" %s %,d KB".formatted(wire, size / 1000));
            }
            System.out.println(line);
        });
        if (!reports.isEmpty()) System.out.println("MB/s counts wire bytes (compressed when gzip); MB = 10^6 bytes.");
    }

    private static String params(RunResult run) {
        Map<String, String> params = new TreeMap<>();
        for (String key : run.getParams().getParamsKeys()) params.put(key, run.getParams().getParam(key));
        return params.isEmpty() ? "-" : String.join(" ", params.values());
    }

    private static String rate(Result<?> r) {
        return r == null || r.getScore() == 0 ? "-" : "%.1f".formatted(r.getScore());
    }
}
