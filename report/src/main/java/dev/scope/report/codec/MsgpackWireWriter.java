package dev.scope.report.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * Writes msgpack the way Go's ugorji codec (1.1, {@code MsgpackHandle} defaults) does: the old spec
 * without str8 or bin, so strings are fixstr/str16/str32; times are Go binary times inside strings;
 * non-negative integers use the unsigned forms; floats are always float64.
 */
final class MsgpackWireWriter implements WireWriter {
    private final MessagePacker out;

    MsgpackWireWriter(OutputStream stream) {
        this.out = new MessagePack.PackerConfig().withStr8FormatSupport(false).newPacker(stream);
    }

    @Override
    public void beginMap(int size) throws IOException {
        out.packMapHeader(size);
    }

    @Override
    public void endMap() {
    }

    @Override
    public void key(String key) throws IOException {
        string(key);
    }

    @Override
    public void beginArray(int size) throws IOException {
        out.packArrayHeader(size);
    }

    @Override
    public void endArray() {
    }

    @Override
    public void string(String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.packRawStringHeader(utf8.length);
        out.writePayload(utf8);
    }

    @Override
    public void time(long unixNanos) throws IOException {
        byte[] binary = GoTime.toBinary(unixNanos);
        out.packRawStringHeader(binary.length);
        out.writePayload(binary);
    }

    @Override
    public void number(double value) throws IOException {
        out.packDouble(value);
    }

    @Override
    public void number(long value) throws IOException {
        out.packLong(value);
    }

    @Override
    public void bool(boolean value) throws IOException {
        out.packBoolean(value);
    }

    @Override
    public void nil() throws IOException {
        out.packNil();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
