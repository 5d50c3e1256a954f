package dev.scope.report.codec;

import java.io.IOException;

/**
 * Pulls the values of one encoded report in document order, the same way for msgpack and JSON, so that
 * {@link ReportReader} builds the model once for both. A nil map or array reads as an empty one and a
 * nil scalar as its zero value, as Go's decoder does.
 */
interface WireReader {
    /** Enters a map (or nil); then call {@link #nextKey()} until it returns false. */
    void beginMap() throws IOException;

    /** Reads the next key of the innermost map, or leaves the map and returns false at its end. */
    boolean nextKey() throws IOException;

    /** The key {@link #nextKey()} just read. */
    String key();

    /** Enters an array (or nil); then call {@link #nextElement()} before each element. */
    void beginArray() throws IOException;

    /** True when the innermost array has another element; false (having left the array) at its end. */
    boolean nextElement() throws IOException;

    String readString() throws IOException;

    /** A Go {@code time.Time} as Unix nanoseconds (0 for Go's zero time). */
    long readTime() throws IOException;

    double readDouble() throws IOException;

    long readLong() throws IOException;

    boolean readBoolean() throws IOException;

    /** True when the next value is nil (it is not consumed). */
    boolean peekNil() throws IOException;

    /** Skips the next value whatever it is, still within the limits. */
    void skipValue() throws IOException;

    /** An exception saying what is wrong, with the position in the input and what was being decoded. */
    ReportFormatException error(String problem);
}
