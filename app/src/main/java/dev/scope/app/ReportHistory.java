package dev.scope.app;

import dev.scope.report.Report;
import dev.scope.report.codec.DecodeLimits;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Past reports on disk, so the UI can travel back in time ({@code ?timestamp=}). Each accepted report
 * is kept gzip-compressed, as the probe sent it, in one file per report under a directory per hour
 * ({@code <dir>/<unix hour>/<unix nanos>-<n>.<msgpack|json>.gz}); files are written to a temporary
 * name and moved into place, so readers never see half a report. Reports older than the retention
 * are deleted by {@link #prune}, and so are the oldest ones while all of them take more disk than allowed. The state at time T is the merge of the reports received in the
 * window before T, as the live collector would have had it.
 */
final class ReportHistory implements PastReports {
    private static final Logger log = LoggerFactory.getLogger(ReportHistory.class);
    private static final long HOUR_NANOS = Duration.ofHours(1).toNanos();

    private final Path dir;
    private final long retentionNanos;
    private final long maxBytes;
    private final long windowNanos;
    private final DecodeLimits limits;
    private final AtomicLong sequence = new AtomicLong();

    ReportHistory(Path dir, Duration retention, long maxBytes, Duration window, DecodeLimits limits) {
        this.dir = dir;
        this.retentionNanos = retention.toNanos();
        this.maxBytes = maxBytes;
        this.windowNanos = window.toNanos();
        this.limits = limits;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the history directory " + dir, e);
        }
    }

    /** Keeps a report received at {@code unixNanos}; {@code gzipped} is its gzip-compressed body. */
    void record(long unixNanos, WireFormat format, byte[] gzipped) throws IOException {
        Path hour = dir.resolve(Long.toString(Math.floorDiv(unixNanos, HOUR_NANOS)));
        Files.createDirectories(hour);
        String name = unixNanos + "-" + sequence.incrementAndGet() + "." + format.name().toLowerCase() + ".gz";
        Path tmp = hour.resolve("." + name + ".tmp");
        Files.write(tmp, gzipped);
        Files.move(tmp, hour.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The merge of the reports received in the window ending at {@code unixNanos}. */
    @Override
    public Report at(long unixNanos) {
        long from = unixNanos - windowNanos;
        Report merged = Report.empty();
        for (long h = Math.floorDiv(from, HOUR_NANOS); h <= Math.floorDiv(unixNanos, HOUR_NANOS); h++) {
            for (Path file : files(dir.resolve(Long.toString(h)))) {
                long received = receivedAt(file);
                if (received <= from || received > unixNanos) continue;
                Report r = read(file);
                if (r != null) merged = merged.merge(r);
            }
        }
        return merged;
    }

    /** Deletes reports older than the retention, then the oldest while over the size bound; returns how many went. */
    int prune(long nowUnixNanos) {
        return pruneByAge(nowUnixNanos) + pruneBySize();
    }

    private int pruneByAge(long nowUnixNanos) {
        long cutoff = nowUnixNanos - retentionNanos;
        int deleted = 0;
        for (Path hour : files(dir)) {
            long h;
            try {
                h = Long.parseLong(hour.getFileName().toString());
            } catch (NumberFormatException e) {
                continue; // not ours
            }
            if ((h + 1) * HOUR_NANOS <= cutoff) {
                deleted += deleteTree(hour);
            } else if (h * HOUR_NANOS < cutoff) {
                for (Path f : files(hour)) {
                    if (receivedAt(f) < cutoff && delete(f)) deleted++;
                }
            }
        }
        return deleted;
    }

    /** Oldest first (hour directories and file names both sort by time) until the rest fit in {@code maxBytes}. */
    private int pruneBySize() {
        List<Path> reports = new ArrayList<>();
        long total = 0;
        for (Path hour : files(dir)) {
            for (Path f : files(hour)) {
                if (receivedAt(f) == Long.MIN_VALUE) continue;
                reports.add(f);
                total += sizeOf(f);
            }
        }
        int deleted = 0;
        for (int i = 0; i < reports.size() && total > maxBytes; i++) {
            long size = sizeOf(reports.get(i));
            if (delete(reports.get(i))) {
                total -= size;
                deleted++;
            }
        }
        return deleted;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // pruned meanwhile
        }
    }

    private Report read(Path file) {
        String name = file.getFileName().toString();
        WireFormat format = name.contains(".json.") ? WireFormat.JSON : WireFormat.MSGPACK;
        try {
            return ReportCodec.decode(Files.readAllBytes(file), format, true, limits);
        } catch (NoSuchFileException e) {
            return null; // pruned meanwhile
        } catch (IOException | RuntimeException e) {
            log.warn("skipping unreadable history file {}: {}", file, e.getMessage());
            return null;
        }
    }

    /** The receipt time in a file name, or Long.MIN_VALUE for files that are not reports. */
    private static long receivedAt(Path file) {
        String name = file.getFileName().toString();
        int dash = name.indexOf('-');
        if (name.startsWith(".") || dash <= 0) return Long.MIN_VALUE;
        try {
            return Long.parseLong(name.substring(0, dash));
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static List<Path> files(Path directory) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(out::add);
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            log.warn("cannot list history directory {}: {}", directory, e.getMessage());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static int deleteTree(Path root) {
        int deleted = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (delete(p) && Files.notExists(p) && !p.equals(root)) deleted++;
            }
        } catch (IOException e) {
            log.warn("cannot prune {}: {}", root, e.getMessage());
        }
        return deleted;
    }

    private static boolean delete(Path p) {
        try {
            return Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", p, e.getMessage());
            return false;
        }
    }
}
