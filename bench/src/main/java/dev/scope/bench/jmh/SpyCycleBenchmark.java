package dev.scope.bench.jmh;

import dev.scope.probe.endpoint.EndpointReporter;
import dev.scope.probe.process.ProcessReporter;
import dev.scope.probe.process.ProcessSnapshot;
import dev.scope.probe.process.ProcessWalker;
import dev.scope.report.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One probe spy cycle on this host with {@code processes} extra processes started for the run ({@code sleep}):
 * the /proc walk (stat, cmdline, fds and their socket inodes), then the process and endpoint reporters on its
 * result, as the probe's loop does every second. {@code walk} is the walk alone. Figures are cycles per second;
 * the cost per 1,000 processes is 1000 / (ops/s) ms when the extra processes dominate the host's count (the
 * setup prints how many processes the walk saw). Run as root to see every process's descriptors, as the probe.
 *
 * <pre>bench/run-jmh.sh SpyCycle</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpyCycleBenchmark {
    @Param("1000")
    public int processes;

    private final List<Process> started = new ArrayList<>();
    private ProcessWalker walker;
    private ProcessReporter processReporter;
    private EndpointReporter endpointReporter;

    @Setup(Level.Trial)
    public void startProcesses() throws IOException {
        for (int i = 0; i < processes; i++) {
            started.add(new ProcessBuilder("sleep", "100000").redirectErrorStream(true).start());
        }
        Path proc = Path.of("/proc");
        walker = new ProcessWalker(proc, true);
        processReporter = new ProcessReporter("bench", walker::snapshot, false);
        endpointReporter = new EndpointReporter(proc, "bench", walker::snapshot, true);
        ProcessSnapshot first = walker.walk();
        System.out.printf("%nthe walk sees %,d processes and %,d sockets%n", first.processes().size(), first.socketOwners().size());
    }

    @TearDown(Level.Trial)
    public void stopProcesses() {
        started.forEach(Process::destroyForcibly);
        started.clear();
    }

    @Benchmark
    public ProcessSnapshot walk() {
        return walker.walk();
    }

    @Benchmark
    public Report spyCycle() throws Exception {
        walker.walk();
        return processReporter.report().merge(endpointReporter.report());
    }
}
