package dev.scope.report.codec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * A msgpack document as a tree that keeps each value's exact format tag (fixstr vs str16, uint64 vs
 * int64...), so that two encodings can be compared type for type. Maps compare regardless of entry order,
 * since Go writes its maps in random order.
 */
sealed interface MsgpackTree {
    record Scalar(MessageFormat format, String text) implements MsgpackTree {
        @Override
        public String toString() {
            return format.toString() + ":" + text;
        }
    }

    record Array(MessageFormat format, List<MsgpackTree> items) implements MsgpackTree {
        @Override
        public String toString() {
            return format + items.toString();
        }
    }

    record Map(MessageFormat format, List<Entry> entries) implements MsgpackTree {
        MsgpackTree get(String key) {
            for (Entry e : entries) if (e.key() instanceof Scalar s && s.text().equals(key)) return e.value();
            return null;
        }

        /** This map with one more entry, first. */
        Map withFirst(String key, MsgpackTree value, MessageFormat keyFormat) {
            List<Entry> more = new ArrayList<>();
            more.add(new Entry(new Scalar(keyFormat, key), value));
            more.addAll(entries);
            return new Map(more.size() < 16 ? MessageFormat.FIXMAP : MessageFormat.MAP16, more);
        }

        @Override
        public String toString() {
            return format.toString() + entries.stream().map(Object::toString).sorted().collect(Collectors.joining(", ", "{", "}"));
        }
    }

    record Entry(MsgpackTree key, MsgpackTree value) {
        @Override
        public String toString() {
            return key + "=" + value;
        }
    }

    static MsgpackTree parse(byte[] bytes) throws IOException {
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(bytes)) {
            MsgpackTree tree = read(in);
            if (in.hasNext()) throw new IllegalStateException("trailing bytes after the document");
            return tree;
        }
    }

    private static MsgpackTree read(MessageUnpacker in) throws IOException {
        MessageFormat f = in.getNextFormat();
        switch (f.getValueType()) {
            case MAP -> {
                int n = in.unpackMapHeader();
                List<Entry> entries = new ArrayList<>(n);
                for (int i = 0; i < n; i++) entries.add(new Entry(read(in), read(in)));
                return new Map(f, entries);
            }
            case ARRAY -> {
                int n = in.unpackArrayHeader();
                List<MsgpackTree> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) items.add(read(in));
                return new Array(f, items);
            }
            case STRING -> {
                byte[] raw = in.readPayload(in.unpackRawStringHeader());
                return new Scalar(f, printable(raw));
            }
            case BINARY -> {
                return new Scalar(f, HexFormat.of().formatHex(in.readPayload(in.unpackBinaryHeader())));
            }
            default -> {
                return new Scalar(f, in.unpackValue().toJson());
            }
        }
    }

    private static String printable(byte[] raw) {
        for (byte b : raw) if (b < 0x20 && b >= 0) return "0x" + HexFormat.of().formatHex(raw);
        return new String(raw, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Order-free form used for equality: maps' entries sorted by their text. */
    static String canonical(MsgpackTree t) {
        return t.toString();
    }

    /**
     * Like {@link #canonical} but keeping entry order in every map except those held under one of
     * {@code goMapKeys} (the Go maps, whose order is random); struct fields and sorted maps keep theirs.
     */
    static String ordered(MsgpackTree t, java.util.Set<String> goMapKeys) {
        StringBuilder b = new StringBuilder();
        ordered(t, false, goMapKeys, b);
        return b.toString();
    }

    private static void ordered(MsgpackTree t, boolean anyOrder, java.util.Set<String> goMapKeys, StringBuilder b) {
        switch (t) {
            case Scalar s -> b.append(s);
            case Array a -> {
                b.append(a.format()).append('[');
                for (MsgpackTree item : a.items()) {
                    ordered(item, false, goMapKeys, b);
                    b.append(',');
                }
                b.append(']');
            }
            case Map m -> {
                List<String> entries = new ArrayList<>();
                for (Entry e : m.entries()) {
                    StringBuilder one = new StringBuilder().append(e.key()).append('=');
                    boolean childAnyOrder = e.key() instanceof Scalar k && goMapKeys.contains(k.text());
                    ordered(e.value(), childAnyOrder, goMapKeys, one);
                    entries.add(one.toString());
                }
                if (anyOrder) entries.sort(null);
                b.append(m.format()).append(entries);
            }
        }
    }

}
