package dev.scope.report.codec;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** One change to an input, positioned relative to its length so that it applies to any input. */
sealed interface Mutation {
    byte[] apply(byte[] in);

    /** Flips one bit. */
    record BitFlip(double at, int bit) implements Mutation {
        public byte[] apply(byte[] in) {
            if (in.length == 0) return in;
            byte[] out = in.clone();
            out[index(at, in.length)] ^= (byte) (1 << bit);
            return out;
        }
    }

    /** Cuts the input short. */
    record Truncate(double at) implements Mutation {
        public byte[] apply(byte[] in) {
            return Arrays.copyOf(in, index(at, in.length + 1));
        }
    }

    /** Inserts bytes, often ones that mean something to msgpack or JSON. */
    record Insert(double at, byte[] bytes) implements Mutation {
        public byte[] apply(byte[] in) {
            int i = index(at, in.length + 1);
            byte[] out = new byte[in.length + bytes.length];
            System.arraycopy(in, 0, out, 0, i);
            System.arraycopy(bytes, 0, out, i, bytes.length);
            System.arraycopy(in, i, out, i + bytes.length, in.length - i);
            return out;
        }

        @Override
        public String toString() {
            return "Insert[at=" + at + ", bytes=" + java.util.HexFormat.of().formatHex(bytes) + "]";
        }
    }

    /** Overwrites one byte with a value that changes a type or a length. */
    record Overwrite(double at, byte value) implements Mutation {
        public byte[] apply(byte[] in) {
            if (in.length == 0) return in;
            byte[] out = in.clone();
            out[index(at, in.length)] = value;
            return out;
        }
    }

    /** Copies a stretch of the input over another place of it, so structure meets the wrong structure. */
    record Splice(double from, double to, int length) implements Mutation {
        public byte[] apply(byte[] in) {
            if (in.length == 0) return in;
            int src = index(from, in.length), dst = index(to, in.length);
            int n = Math.min(length, Math.min(in.length - src, in.length - dst));
            byte[] out = in.clone();
            System.arraycopy(in, src, out, dst, n);
            return out;
        }
    }

    /** Removes a stretch. */
    record Delete(double at, int length) implements Mutation {
        public byte[] apply(byte[] in) {
            int i = index(at, in.length + 1);
            int n = Math.min(length, in.length - i);
            byte[] out = new byte[in.length - n];
            System.arraycopy(in, 0, out, 0, i);
            System.arraycopy(in, i + n, out, i, in.length - i - n);
            return out;
        }
    }

    private static int index(double at, int length) {
        return Math.min(length - 1, (int) (at * length));
    }

    /** Bytes that are msgpack headers of big or odd sizes, or JSON structure. */
    List<Byte> INTERESTING = List.of((byte) 0xc0, (byte) 0xc1, (byte) 0xc4, (byte) 0xc7, (byte) 0xca, (byte) 0xcb,
            (byte) 0xcf, (byte) 0xd3, (byte) 0xd9, (byte) 0xda, (byte) 0xdb, (byte) 0xdc, (byte) 0xdd, (byte) 0xde,
            (byte) 0xdf, (byte) 0xff, (byte) 0x7f, (byte) 0x8f, (byte) 0x9f, (byte) 0xbf, (byte) 0x00,
            (byte) '{', (byte) '[', (byte) '"', (byte) '}', (byte) ']', (byte) ':', (byte) ',', (byte) '\\', (byte) '-',
            (byte) '9', (byte) 'e', (byte) 'n');

    static Arbitrary<Mutation> any() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<Byte> interesting = Arbitraries.oneOf(Arbitraries.of(INTERESTING), Arbitraries.bytes());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Combinators.combine(at, Arbitraries.integers().between(0, 7)).as(BitFlip::new)),
                net.jqwik.api.Tuple.of(1, at.map(Truncate::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(at, interesting.list().ofMinSize(1).ofMaxSize(9))
                        .as((a, bytes) -> new Insert(a, toArray(bytes)))),
                net.jqwik.api.Tuple.of(4, Combinators.combine(at, interesting).as(Overwrite::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(at, at, Arbitraries.integers().between(1, 4096)).as(Splice::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(at, Arbitraries.integers().between(1, 64)).as(Delete::new)));
    }

    private static byte[] toArray(List<Byte> bytes) {
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) out[i] = bytes.get(i);
        return out;
    }
}
