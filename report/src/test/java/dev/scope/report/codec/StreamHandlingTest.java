package dev.scope.report.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scope.report.Report;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The caller owns the streams: the codec neither closes them nor leaves output unflushed. */
class StreamHandlingTest {
    @ParameterizedTest
    @CsvSource({"MSGPACK, false", "MSGPACK, true", "JSON, false", "JSON, true"})
    void writesToAndReadsFromStreamsWithoutClosingThem(WireFormat format, boolean gzip) throws Exception {
        Report report = ReportCodec.decode(Fixtures.bytes(Fixtures.MSGPACK_GZ), WireFormat.MSGPACK, true, DecodeLimits.defaults());
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        CloseWatchingOutput out = new CloseWatchingOutput(sink);
        ReportCodec.encode(report, format, gzip, out);
        assertThat(out.closed).isFalse();
        assertThat(sink.toByteArray()).isEqualTo(ReportCodec.encode(report, format, gzip));

        CloseWatchingInput in = new CloseWatchingInput(new ByteArrayInputStream(sink.toByteArray()));
        Report back = ReportCodec.decode(in, format, gzip, DecodeLimits.defaults());
        assertThat(in.closed).isFalse();
        assertThat(back).isEqualTo(ReportCodec.decode(sink.toByteArray(), format, gzip, DecodeLimits.defaults()));
    }

    @ParameterizedTest
    @CsvSource({"MSGPACK, true", "JSON, true", "MSGPACK, false"})
    void decodesABodyThatArrivesAFewBytesAtATime(WireFormat format, boolean gzip) throws Exception {
        Report report = ReportCodec.decode(Fixtures.bytes(Fixtures.MSGPACK_GZ), WireFormat.MSGPACK, true, DecodeLimits.defaults());
        byte[] body = ReportCodec.encode(report, format, gzip);
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                return super.read(b, off, Math.min(len, 3));
            }
        };
        assertThat(ReportCodec.decode(trickle, format, gzip, DecodeLimits.defaults())).isEqualTo(report);
    }

    private static final class CloseWatchingOutput extends FilterOutputStream {
        boolean closed;

        CloseWatchingOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final class CloseWatchingInput extends FilterInputStream {
        boolean closed;

        CloseWatchingInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
