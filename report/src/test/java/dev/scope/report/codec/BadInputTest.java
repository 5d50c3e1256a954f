package dev.scope.report.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

class BadInputTest {
    private static final DecodeLimits LIMITS = DecodeLimits.defaults();

    private static ReportFormatException failure(byte[] body, WireFormat format, boolean gzip, DecodeLimits limits) {
        try {
            ReportCodec.decode(body, format, gzip, limits);
        } catch (ReportFormatException e) {
            return e;
        }
        throw new AssertionError("decoding succeeded but should have failed");
    }

    private static ReportFormatException failure(byte[] body, WireFormat format) {
        return failure(body, format, false, LIMITS);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A msgpack document written with the packer's help, for hand-made bad input. */
    private interface Packing {
        void pack(MessageBufferPacker p) throws IOException;
    }

    private static byte[] msgpack(Packing packing) throws IOException {
        MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
        packing.pack(p);
        return p.toByteArray();
    }

    @Test
    void choosesTheFormatFromTheContentTypeIgnoringParameters() throws Exception {
        assertThat(WireFormat.fromContentType("application/msgpack")).isEqualTo(WireFormat.MSGPACK);
        assertThat(WireFormat.fromContentType("Application/JSON; charset=utf-8")).isEqualTo(WireFormat.JSON);
    }

    @Test
    void rejectsAnUnknownOrMissingContentType() {
        assertThatThrownBy(() -> WireFormat.fromContentType("text/plain"))
                .isInstanceOf(ReportFormatException.class).hasMessageContaining("text/plain");
        assertThatThrownBy(() -> WireFormat.fromContentType(null)).isInstanceOf(ReportFormatException.class);
        assertThatThrownBy(() -> WireFormat.fromContentType("")).isInstanceOf(ReportFormatException.class);
    }

    @Test
    void rejectsATruncatedGzipBody() {
        byte[] full = Fixtures.bytes(Fixtures.MSGPACK_GZ);
        for (int length : new int[] {0, 5, 10, full.length / 2, full.length - 4}) {
            assertThat(failure(Arrays.copyOf(full, length), WireFormat.MSGPACK, true, LIMITS).getMessage())
                    .as("cut at %d", length).isNotBlank();
        }
        assertThat(failure(Arrays.copyOf(full, full.length / 2), WireFormat.MSGPACK, true, LIMITS))
                .hasMessageContaining("gzip");
    }

    @Test
    void rejectsABodyThatIsNotGzipWhenGzipWasAnnounced() {
        assertThat(failure(Fixtures.gunzipped(Fixtures.MSGPACK_GZ), WireFormat.MSGPACK, true, LIMITS))
                .hasMessageContaining("gzip");
    }

    @Test
    void rejectsJsonSentAsMsgpackAndMsgpackSentAsJson() {
        assertThat(failure(Fixtures.gunzipped(Fixtures.JSON_GZ), WireFormat.MSGPACK)).hasMessageStartingWith("msgpack:");
        assertThat(failure(Fixtures.gunzipped(Fixtures.MSGPACK_GZ), WireFormat.JSON)).hasMessageStartingWith("json:");
    }

    @Test
    void rejectsAnEmptyBody() {
        assertThat(failure(new byte[0], WireFormat.MSGPACK)).hasMessageContaining("end of input");
        assertThat(failure(new byte[0], WireFormat.JSON)).hasMessageContaining("end of input");
    }

    @Test
    void rejectsABytesThatMsgpackNeverUses() {
        assertThat(failure(new byte[] {(byte) 0x81, (byte) 0xa2, 'I', 'D', (byte) 0xc1}, WireFormat.MSGPACK))
                .hasMessageStartingWith("msgpack:");
    }

    @Test
    void rejectsAReportThatIsNotAMap() throws Exception {
        assertThat(failure(msgpack(p -> p.packArrayHeader(0)), WireFormat.MSGPACK)).hasMessageContaining("expected a map");
        assertThat(failure(json("[]"), WireFormat.JSON)).hasMessageContaining("expected an object");
        assertThat(failure(json("null"), WireFormat.JSON)).hasMessageContaining("nil");
    }

    @Test
    void saysWhichFieldHasTheWrongType() throws Exception {
        assertThat(failure(json("{\"Window\":\"soon\"}"), WireFormat.JSON))
                .hasMessageContaining("expected an integer").hasMessageContaining("in Window");
        byte[] badTime = msgpack(p -> {
            p.packMapHeader(1).packString("Host").packMapHeader(1).packString("nodes").packMapHeader(1).packString("h;<host>");
            p.packMapHeader(1).packString("latest").packMapHeader(1).packString("os");
            p.packMapHeader(1).packString("timestamp").packString("yesterday");
        });
        assertThat(failure(badTime, WireFormat.MSGPACK))
                .hasMessageContaining("Go binary time").hasMessageContaining("in Host node \"h;<host>\" field latest");
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() throws Exception {
        byte[] deepMsgpack = msgpack(p -> {
            p.packMapHeader(1).packString("Unknown");
            for (int i = 0; i < 100_000; i++) p.packArrayHeader(1);
            p.packNil();
        });
        assertThat(failure(deepMsgpack, WireFormat.MSGPACK)).hasMessageContaining("nesting deeper than 64");
        String deepJson = "{\"Unknown\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThat(failure(json(deepJson), WireFormat.JSON)).hasMessageContaining("64");
        String deepChildren = "{\"Host\":{\"nodes\":{\"a\":" + "{\"children\":[".repeat(50) + "]}".repeat(50) + "}}}";
        assertThat(failure(json(deepChildren), WireFormat.JSON)).hasMessageStartingWith("json:");
    }

    @Test
    void rejectsAStringLongerThanTheLimitBeforeAllocatingIt() throws Exception {
        // Declares a 2 GiB - 1 string and sends four bytes of it.
        byte[] huge = msgpack(p -> p.packMapHeader(1).packString("ID").packRawStringHeader(Integer.MAX_VALUE).writePayload(new byte[4]));
        assertThat(failure(huge, WireFormat.MSGPACK)).hasMessageContaining("longer than the limit of 16777216");
        DecodeLimits small = new DecodeLimits(1 << 20, 64, 1000);
        String longJson = "{\"ID\":\"" + "x".repeat(5000) + "\"}";
        assertThat(failure(json(longJson), WireFormat.JSON, false, small)).hasMessageContaining("1000");
    }

    @Test
    void rejectsAStringLongerThanWhatIsLeftOfTheBody() throws Exception {
        byte[] liar = msgpack(p -> p.packMapHeader(1).packString("ID").packRawStringHeader(10_000_000).writePayload(new byte[4]));
        assertThat(failure(liar, WireFormat.MSGPACK)).hasMessageContaining("can follow");
    }

    @Test
    void doesNotTrustDeclaredMapAndArrayLengths() throws Exception {
        byte[] bigMap = msgpack(p -> p.packMapHeader(Integer.MAX_VALUE).packString("ID").packString("x"));
        assertThat(failure(bigMap, WireFormat.MSGPACK)).hasMessageContaining("end of input");
        byte[] bigArray = msgpack(p -> {
            p.packMapHeader(1).packString("Endpoint").packMapHeader(1).packString("nodes").packMapHeader(1).packString("e");
            p.packMapHeader(1).packString("adjacency").packArrayHeader(Integer.MAX_VALUE).packString("x");
        });
        assertThat(failure(bigArray, WireFormat.MSGPACK)).hasMessageContaining("end of input");
        byte[] unknownBigArray = msgpack(p -> p.packMapHeader(1).packString("Unknown").packArrayHeader(Integer.MAX_VALUE).packNil());
        assertThat(failure(unknownBigArray, WireFormat.MSGPACK)).hasMessageContaining("end of input");
    }

    @Test
    void stopsReadingAnEndlessBodyAtTheByteLimit() {
        byte[] head = json("{\"Unknown\":[");
        EndlessBody body = new EndlessBody(head, json("0,"));
        assertThatThrownBy(() -> ReportCodec.decode(body, WireFormat.JSON, false, LIMITS))
                .isInstanceOf(ReportFormatException.class).hasMessageContaining("larger than the limit of 67108864 bytes");
        assertThat(body.served).isLessThan(LIMITS.maxBytes() + 64 * 1024);
    }

    @Test
    void stopsDecompressingAGzipBombAtTheByteLimit() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(json("{\"Unknown\":\""));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) 'a');
            for (int i = 0; i < 100; i++) gz.write(spaces);
        }
        assertThat(zipped.size()).isLessThan(200_000);
        DecodeLimits limits = new DecodeLimits(64L << 20, 64, 128 << 20);
        assertThat(failure(zipped.toByteArray(), WireFormat.JSON, true, limits))
                .hasMessageContaining("decompressed body is larger than the limit");
    }

    @Test
    void rejectsAnEndlessMsgpackStreamOfUnknownFields() {
        byte[] head = {(byte) 0xdf, (byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        EndlessBody body = new EndlessBody(head, new byte[] {(byte) 0xa1, 'x', (byte) 0xc0});
        assertThatThrownBy(() -> ReportCodec.decode(body, WireFormat.MSGPACK, false, new DecodeLimits(8 << 20, 64, 1 << 20)))
                .isInstanceOf(ReportFormatException.class).hasMessageContaining("larger than the limit");
    }

    @Test
    void rejectsAMapSizeBeyondWhatJavaCanCount() {
        byte[] body = {(byte) 0xdf, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThat(failure(body, WireFormat.MSGPACK)).hasMessageContaining("declared size");
    }

    /** A body that never ends: a head, then one chunk over and over. */
    private static final class EndlessBody extends InputStream {
        private final byte[] head;
        private final byte[] chunk;
        long served;

        EndlessBody(byte[] head, byte[] chunk) {
            this.head = head;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            long at = served++;
            return (at < head.length ? head[(int) at] : chunk[(int) ((at - head.length) % chunk.length)]) & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) b[off + i] = (byte) read();
            return len;
        }
    }
}
