package dev.scope.report.codec;

import java.io.IOException;

/**
 * Writes the values of one report in document order, the same way for msgpack and JSON, so that
 * {@link ReportWriter} lays the report out once for both. Map and array sizes are given up front
 * because msgpack needs them.
 */
interface WireWriter {
    void beginMap(int size) throws IOException;

    void endMap() throws IOException;

    void key(String key) throws IOException;

    void beginArray(int size) throws IOException;

    void endArray() throws IOException;

    void string(String value) throws IOException;

    /** A Go {@code time.Time} from Unix nanoseconds (0 is Go's zero time). */
    void time(long unixNanos) throws IOException;

    void number(double value) throws IOException;

    void number(long value) throws IOException;

    void bool(boolean value) throws IOException;

    void nil() throws IOException;

    void flush() throws IOException;
}
