package dev.scope.report.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads JSON as Go's ugorji codec writes it (times as RFC 3339 strings) with Jackson's streaming parser.
 * Jackson itself enforces the nesting and string-length limits (see {@link JsonFactories}).
 */
final class JsonWireReader implements WireReader {
    private final JsonParser in;
    private final DecodeContext context;
    /** For each open map/array: true when it was a JSON null standing in for an empty one. */
    private final boolean[] nilFrame;
    private int depth;
    /** True when the current token has been looked at by {@link #nextElement()} but not consumed. */
    private boolean pending;
    private String key;

    JsonWireReader(JsonParser in, DecodeLimits limits, DecodeContext context) {
        this.in = in;
        this.context = context;
        this.nilFrame = new boolean[limits.maxDepth() + 1];
    }

    private JsonToken advance() throws IOException {
        if (pending) {
            pending = false;
            return in.currentToken();
        }
        JsonToken t = in.nextToken();
        if (t == null) throw error("unexpected end of input");
        return t;
    }

    @Override
    public void beginMap() throws IOException {
        JsonToken t = advance();
        if (t == JsonToken.VALUE_NULL) push(true);
        else if (t == JsonToken.START_OBJECT) push(false);
        else throw error("expected an object but found " + describe(t));
    }

    @Override
    public boolean nextKey() throws IOException {
        if (nilFrame[depth]) {
            depth--;
            return false;
        }
        JsonToken t = advance();
        if (t == JsonToken.FIELD_NAME) {
            key = in.currentName();
            return true;
        }
        if (t == JsonToken.END_OBJECT) {
            depth--;
            return false;
        }
        throw error("expected a field name but found " + describe(t));
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public void beginArray() throws IOException {
        JsonToken t = advance();
        if (t == JsonToken.VALUE_NULL) push(true);
        else if (t == JsonToken.START_ARRAY) push(false);
        else throw error("expected an array but found " + describe(t));
    }

    @Override
    public boolean nextElement() throws IOException {
        if (nilFrame[depth]) {
            depth--;
            return false;
        }
        JsonToken t = advance();
        if (t == JsonToken.END_ARRAY) {
            depth--;
            return false;
        }
        pending = true;
        return true;
    }

    private void push(boolean nil) throws ReportFormatException {
        if (depth + 1 >= nilFrame.length) throw error("nesting deeper than " + (nilFrame.length - 1));
        nilFrame[++depth] = nil;
    }

    @Override
    public String readString() throws IOException {
        JsonToken t = advance();
        if (t == JsonToken.VALUE_STRING) return in.getText();
        if (t == JsonToken.VALUE_NULL) return "";
        throw error("expected a string but found " + describe(t));
    }

    @Override
    public long readTime() throws IOException {
        JsonToken t = advance();
        if (t == JsonToken.VALUE_NULL) return 0;
        if (t != JsonToken.VALUE_STRING) throw error("expected a time (RFC 3339 string) but found " + describe(t));
        try {
            return GoTime.parseRfc3339Nano(in.getText());
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    @Override
    public double readDouble() throws IOException {
        JsonToken t = advance();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) return in.getDoubleValue();
        if (t == JsonToken.VALUE_NULL) return 0;
        throw error("expected a number but found " + describe(t));
    }

    @Override
    public long readLong() throws IOException {
        JsonToken t = advance();
        if (t == JsonToken.VALUE_NUMBER_INT) return in.getLongValue();
        if (t == JsonToken.VALUE_NULL) return 0;
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = in.getDoubleValue();
            if (d != Math.rint(d) || Math.abs(d) >= 0x1p63) throw error("expected an integer but found " + d);
            return (long) d;
        }
        throw error("expected an integer but found " + describe(t));
    }

    @Override
    public boolean readBoolean() throws IOException {
        JsonToken t = advance();
        if (t == JsonToken.VALUE_TRUE) return true;
        if (t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL) return false;
        throw error("expected a boolean but found " + describe(t));
    }

    @Override
    public boolean peekNil() throws IOException {
        if (!pending) {
            if (in.nextToken() == null) throw error("unexpected end of input");
            pending = true;
        }
        return in.currentToken() == JsonToken.VALUE_NULL;
    }

    @Override
    public void skipValue() throws IOException {
        JsonToken t = advance();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) in.skipChildren();
        else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY || t == JsonToken.FIELD_NAME) {
            throw error("expected a value but found " + describe(t));
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case END_OBJECT -> "the end of an object";
            case END_ARRAY -> "the end of an array";
            case FIELD_NAME -> "a field name";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }

    @Override
    public ReportFormatException error(String problem) {
        return new ReportFormatException("json: " + problem + " at " + where() + context);
    }

    ReportFormatException error(JsonProcessingException e) {
        return new ReportFormatException("json: " + e.getOriginalMessage() + " at " + where() + context, e);
    }

    private String where() {
        var l = in.currentLocation();
        return "line " + l.getLineNr() + " column " + l.getColumnNr() + " (byte " + l.getByteOffset() + ")";
    }
}
