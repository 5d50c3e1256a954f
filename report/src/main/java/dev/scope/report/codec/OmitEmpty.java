package dev.scope.report.codec;

import java.io.IOException;

/** Go's {@code omitempty}: a field is written only when it is not its zero value. */
final class OmitEmpty {
    private final WireWriter out;

    OmitEmpty(WireWriter out) {
        this.out = out;
    }

    void string(String key, String value) throws IOException {
        if (!value.isEmpty()) {
            out.key(key);
            out.string(value);
        }
    }

    /** -0.0 counts as zero too, as in Go. */
    void number(String key, double value) throws IOException {
        if (value != 0) {
            out.key(key);
            out.number(value);
        }
    }

    /** How many of the fields are present, for the map header. */
    static int count(boolean... present) {
        int n = 0;
        for (boolean p : present) if (p) n++;
        return n;
    }
}
