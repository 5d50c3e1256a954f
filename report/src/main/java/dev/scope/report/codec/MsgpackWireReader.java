package dev.scope.report.codec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Reads msgpack as Go's ugorji codec writes it (old spec: strings as str, times as binary Go times in
 * strings). Lengths declared in the input are never trusted for allocation: strings are checked against
 * {@link DecodeLimits#maxStringLength()} and the bytes that can still come before anything is allocated,
 * and map/array counts only drive loops.
 */
final class MsgpackWireReader implements WireReader {
    private final MessageUnpacker in;
    private final DecodeLimits limits;
    private final long inputBudget;
    private final DecodeContext context;
    /** Entries or elements left in each open map/array; index 0 is unused. */
    private final long[] remaining;
    private final ShortStrings shortStrings = ShortStrings.SHARED;
    /** Holds short strings and binary times while they are decoded. */
    private final byte[] scratch = new byte[ShortStrings.MAX_LENGTH];
    private int depth;
    private String key;

    /**
     * @param inputBudget how many bytes the input can hold at most (its length when known, else the limit)
     */
    MsgpackWireReader(InputStream input, DecodeLimits limits, long inputBudget, DecodeContext context) {
        this.in = MessagePack.newDefaultUnpacker(input);
        this.limits = limits;
        this.inputBudget = inputBudget;
        this.context = context;
        this.remaining = new long[limits.maxDepth() + 1];
    }

    @Override
    public void beginMap() throws IOException {
        MessageFormat f = next();
        if (f == MessageFormat.NIL) {
            in.unpackNil();
            push(0);
        } else if (f.getValueType() == ValueType.MAP) {
            push(in.unpackMapHeader() & 0xffffffffL);
        } else {
            throw error("expected a map but found " + describe(f));
        }
    }

    @Override
    public boolean nextKey() throws IOException {
        if (remaining[depth] == 0) {
            depth--;
            return false;
        }
        remaining[depth]--;
        MessageFormat f = next();
        if (f.getValueType() != ValueType.STRING && f.getValueType() != ValueType.BINARY) {
            throw error("expected a string map key but found " + describe(f));
        }
        key = readString();
        return true;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public void beginArray() throws IOException {
        MessageFormat f = next();
        if (f == MessageFormat.NIL) {
            in.unpackNil();
            push(0);
        } else if (f.getValueType() == ValueType.ARRAY) {
            push(in.unpackArrayHeader() & 0xffffffffL);
        } else {
            throw error("expected an array but found " + describe(f));
        }
    }

    @Override
    public boolean nextElement() {
        if (remaining[depth] == 0) {
            depth--;
            return false;
        }
        remaining[depth]--;
        return true;
    }

    private void push(long count) throws ReportFormatException {
        if (depth + 1 >= remaining.length) throw error("nesting deeper than " + limits.maxDepth());
        remaining[++depth] = count;
    }

    @Override
    public String readString() throws IOException {
        MessageFormat f = next();
        if (f == MessageFormat.NIL) {
            in.unpackNil();
            return "";
        }
        int length = readLength(f, "a string");
        if (length <= ShortStrings.MAX_LENGTH) {
            in.readPayload(scratch, 0, length);
            return shortStrings.get(scratch, length);
        }
        return new String(in.readPayload(length), StandardCharsets.UTF_8);
    }

    @Override
    public long readTime() throws IOException {
        MessageFormat f = next();
        if (f == MessageFormat.NIL) {
            in.unpackNil();
            return 0;
        }
        int length = readLength(f, "a time (Go binary time in a string)");
        byte[] raw = length <= scratch.length ? scratch : in.readPayload(length);
        if (raw == scratch) in.readPayload(scratch, 0, length);
        try {
            return GoTime.fromBinary(raw, length);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /** Reads a string or binary header and checks the length it declares before anything is allocated. */
    private int readLength(MessageFormat f, String expected) throws IOException {
        int length;
        ValueType type = f.getValueType();
        if (type == ValueType.STRING) length = in.unpackRawStringHeader();
        else if (type == ValueType.BINARY) length = in.unpackBinaryHeader();
        else throw error("expected " + expected + " but found " + describe(f));
        if (length > limits.maxStringLength()) {
            throw error("string of " + length + " bytes is longer than the limit of " + limits.maxStringLength());
        }
        long left = inputBudget - in.getTotalReadBytes();
        if (length > left) throw error("string of " + length + " bytes is longer than the " + Math.max(left, 0) + " bytes that can follow");
        return length;
    }

    @Override
    public double readDouble() throws IOException {
        MessageFormat f = next();
        return switch (f.getValueType()) {
            case NIL -> {
                in.unpackNil();
                yield 0;
            }
            case FLOAT -> in.unpackDouble();
            case INTEGER -> f == MessageFormat.UINT64 ? in.unpackBigInteger().doubleValue() : in.unpackLong();
            default -> throw error("expected a number but found " + describe(f));
        };
    }

    @Override
    public long readLong() throws IOException {
        MessageFormat f = next();
        return switch (f.getValueType()) {
            case NIL -> {
                in.unpackNil();
                yield 0;
            }
            case INTEGER -> in.unpackLong();
            case FLOAT -> {
                double d = in.unpackDouble();
                if (d != Math.rint(d) || Math.abs(d) >= 0x1p63) throw error("expected an integer but found " + d);
                yield (long) d;
            }
            default -> throw error("expected an integer but found " + describe(f));
        };
    }

    @Override
    public boolean readBoolean() throws IOException {
        MessageFormat f = next();
        if (f == MessageFormat.NIL) {
            in.unpackNil();
            return false;
        }
        if (f.getValueType() != ValueType.BOOLEAN) throw error("expected a boolean but found " + describe(f));
        return in.unpackBoolean();
    }

    @Override
    public boolean peekNil() throws IOException {
        return next() == MessageFormat.NIL;
    }

    @Override
    public void skipValue() throws IOException {
        int base = depth;
        do {
            if (depth > base) {
                if (remaining[depth] == 0) {
                    depth--;
                    continue;
                }
                remaining[depth]--;
            }
            MessageFormat f = next();
            switch (f.getValueType()) {
                case MAP -> push(2 * (in.unpackMapHeader() & 0xffffffffL));
                case ARRAY -> push(in.unpackArrayHeader() & 0xffffffffL);
                default -> in.skipValue();
            }
        } while (depth > base);
    }

    /** The format of the next value; running out of input is an error here. */
    private MessageFormat next() throws IOException {
        if (!in.hasNext()) throw error("unexpected end of input");
        return in.getNextFormat();
    }

    private static String describe(MessageFormat f) {
        return f.getValueType() == ValueType.EXTENSION ? "an extension value" : f.getValueType().name().toLowerCase(java.util.Locale.ROOT) + " (" + f + ")";
    }

    @Override
    public ReportFormatException error(String problem) {
        return new ReportFormatException("msgpack: " + problem + " at byte " + in.getTotalReadBytes() + context);
    }

    /** Wraps a failure of the msgpack library (malformed input) into our exception. */
    ReportFormatException error(MessagePackException e) {
        String what = e instanceof org.msgpack.core.MessageSizeException ? "declared size does not fit in 31 bits"
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new ReportFormatException("msgpack: invalid input: " + what + " at byte " + in.getTotalReadBytes() + context, e);
    }
}
