package dev.scope.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads small procfs files into one reused buffer, so a spy cycle over thousands of files allocates little.
 * Not thread-safe: each reporter keeps its own. procfs files report size 0, so we read until end of stream.
 */
public final class ProcFileReader {
    private byte[] buffer;
    private int length;

    public ProcFileReader(int initialCapacity) {
        buffer = new byte[Math.max(256, initialCapacity)];
    }

    /** Reads the whole file; returns false when it does not exist (e.g. the process ended). */
    public boolean read(Path file) throws IOException {
        length = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                if (length == buffer.length) buffer = Arrays.copyOf(buffer, buffer.length * 2);
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) return true;
                length += n;
            }
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            // ESRCH and friends when a process exits while we read it
            if (!Files.exists(file)) return false;
            throw e;
        }
    }

    /** Reads the file, or returns false for any error (missing, permission denied...). */
    public boolean readQuietly(Path file) {
        try {
            return read(file);
        } catch (IOException e) {
            length = 0;
            return false;
        }
    }

    public byte[] bytes() {
        return buffer;
    }

    public int length() {
        return length;
    }

    public String text() {
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    /** The text with trailing whitespace removed, as {@code /proc/sys} values end with a newline. */
    public String trimmedText() {
        int end = length;
        while (end > 0 && buffer[end - 1] <= ' ') end--;
        return new String(buffer, 0, end, StandardCharsets.UTF_8);
    }

    /** Reads a one-line file's trimmed text, or null when it cannot be read. */
    public static String readLine(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return null;
        }
    }
}
