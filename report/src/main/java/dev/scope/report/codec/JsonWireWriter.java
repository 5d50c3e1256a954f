package dev.scope.report.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Writes JSON as Go's ugorji codec does in what matters to a reader: times as RFC3339Nano strings, field
 * names and order. Float text is the shortest that reads back exactly, whole values with a ".0" and exponents
 * only for very small or large magnitudes; the exact text Go writes varies between ugorji versions
 * ({@code 2.5276510208E+10} in older ones), and every JSON reader accepts either. JSON has no NaN or
 * infinity: they are written as {@code null}, which Go reads back as 0 (older ugorji wrote invalid bare
 * {@code NaN}, which we still read).
 */
final class JsonWireWriter implements WireWriter {
    private final JsonGenerator out;

    JsonWireWriter(JsonGenerator out) {
        this.out = out;
    }

    @Override
    public void beginMap(int size) throws IOException {
        out.writeStartObject();
    }

    @Override
    public void endMap() throws IOException {
        out.writeEndObject();
    }

    @Override
    public void key(String key) throws IOException {
        out.writeFieldName(key);
    }

    @Override
    public void beginArray(int size) throws IOException {
        out.writeStartArray();
    }

    @Override
    public void endArray() throws IOException {
        out.writeEndArray();
    }

    @Override
    public void string(String value) throws IOException {
        out.writeString(value);
    }

    @Override
    public void time(long unixNanos) throws IOException {
        out.writeString(GoTime.formatRfc3339Nano(unixNanos));
    }

    @Override
    public void number(double value) throws IOException {
        if (!Double.isFinite(value)) out.writeNull();
        else out.writeNumber(formatFloat(value));
    }

    /** Shortest text that reads back as the same double, in Go's style. */
    static String formatFloat(double value) {
        double abs = Math.abs(value);
        if (abs == 0) return (1 / value < 0) ? "-0.0" : "0.0";
        if (abs < 0x1p53 && value == Math.rint(value)) return (long) value + ".0";
        String shortest = Double.toString(value);
        boolean scientific = shortest.indexOf('E') >= 0;
        if (!scientific) return shortest; // Java's plain form is already the shortest digits, as Go prints them
        if (abs < 1e-6 || abs >= 1e21) {
            // Java: 1.0E-7, 1.8446744073709552E21 ; Go: 1e-07, 1.8446744073709552e+21 (two exponent digits at least)
            int e = shortest.indexOf('E');
            String mantissa = shortest.substring(0, e);
            if (mantissa.endsWith(".0")) mantissa = mantissa.substring(0, mantissa.length() - 2);
            int exponent = Integer.parseInt(shortest.substring(e + 1));
            String digits = Integer.toString(Math.abs(exponent));
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + (digits.length() < 2 ? "0" + digits : digits);
        }
        String plain = new BigDecimal(shortest).stripTrailingZeros().toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    @Override
    public void number(long value) throws IOException {
        out.writeNumber(value);
    }

    @Override
    public void bool(boolean value) throws IOException {
        out.writeBoolean(value);
    }

    @Override
    public void nil() throws IOException {
        out.writeNull();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
