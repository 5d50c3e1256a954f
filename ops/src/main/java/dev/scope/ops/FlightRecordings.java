package dev.scope.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * On-demand Java Flight Recorder: at most one recording at a time (so a caller cannot pile up recordings), bounded
 * in size and age so that one left running cannot fill the disk, stopped and handed over as a .jfr file.
 */
public final class FlightRecordings {
    /** What a caller learns about the recording. */
    public record Status(boolean running, String settings, Instant started, Duration maxAge) {
        public String json() {
            return running
                    ? "{\"running\":true,\"settings\":\"" + settings + "\",\"started\":\"" + started
                      + "\",\"maxAgeSeconds\":" + maxAge.toSeconds() + "}"
                    : "{\"running\":false}";
        }
    }

    /** Asked for a second recording, or to stop one that does not run. */
    public static final class StateException extends RuntimeException {
        StateException(String message) {
            super(message);
        }
    }

    static final long MAX_BYTES = 64L << 20;
    private Recording current;
    private String currentSettings;

    /**
     * Starts recording with the JDK's "default" (about 1% overhead) or "profile" settings. A recording nobody
     * stops ends by itself after {@code maxAge} and is then discarded.
     */
    public synchronized Status start(String settings, Duration maxAge) {
        if (current != null) throw new StateException("a flight recording is already running; stop it first");
        if (!settings.equals("default") && !settings.equals("profile")) {
            throw new IllegalArgumentException("settings must be default or profile, not " + settings);
        }
        if (maxAge.isNegative() || maxAge.isZero() || maxAge.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("duration must be between 1 s and 1 h");
        }
        Recording r;
        try {
            r = new Recording(Configuration.getConfiguration(settings));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("the JDK's " + settings + " JFR settings cannot be read", e);
        }
        r.setName("scope-on-demand");
        r.setMaxSize(MAX_BYTES);
        r.setDuration(maxAge);
        r.setToDisk(true);
        r.start();
        current = r;
        currentSettings = settings;
        return status();
    }

    public synchronized Status status() {
        if (current != null && current.getState() == jdk.jfr.RecordingState.CLOSED) current = null;
        if (current == null) return new Status(false, null, null, null);
        return new Status(true, currentSettings, current.getStartTime(), current.getDuration());
    }

    /** Stops the recording and writes it to a new temporary file, which the caller must delete. */
    public synchronized Path stop() {
        status();
        if (current == null) throw new StateException("no flight recording is running; start one first");
        Recording r = current;
        current = null;
        try {
            Path file = Files.createTempFile("scope-", ".jfr");
            r.stop();
            r.dump(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("writing the recording failed", e);
        } finally {
            r.close();
        }
    }

    /** Discards a running recording (on shutdown). */
    public synchronized void close() {
        if (current != null) current.close();
        current = null;
    }
}
