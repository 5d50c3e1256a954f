package dev.scope.report.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoTimeTest {
    @Test
    void formatsLikeGoRfc3339NanoTrimmingTrailingZeros() {
        long t = Instant.parse("2026-11-23T07:08:16.000457100Z").getEpochSecond() * 1_000_000_000L + 457_100;
        assertThat(GoTime.formatRfc3339Nano(t)).isEqualTo("2026-11-23T07:08:16.0004571Z");
        assertThat(GoTime.formatRfc3339Nano(1_795_417_692_000_000_000L)).isEqualTo("2026-11-23T07:08:12Z");
        assertThat(GoTime.formatRfc3339Nano(1_795_417_692_500_000_000L)).isEqualTo("2026-11-23T07:08:12.5Z");
        assertThat(GoTime.formatRfc3339Nano(-1)).isEqualTo("1969-12-31T23:59:59.999999999Z");
    }

    @Test
    void mapsGoZeroTimeAndZeroOntoEachOther() {
        assertThat(GoTime.formatRfc3339Nano(0)).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(GoTime.parseRfc3339Nano("0001-01-01T00:00:00Z")).isZero();
        assertThat(GoTime.parseRfc3339Nano("1970-01-01T00:00:00Z")).isZero();
        assertThat(GoTime.fromBinary(GoTime.toBinary(0))).isZero();
        assertThat(HexFormat.of().formatHex(GoTime.toBinary(0))).isEqualTo("01" + "0000000000000000" + "00000000" + "ffff");
    }

    @Test
    void parsesOffsetsAndShortOrLongFractions() {
        assertThat(GoTime.parseRfc3339Nano("2026-11-23T09:08:12.5+02:00")).isEqualTo(1_795_417_692_500_000_000L);
        assertThat(GoTime.parseRfc3339Nano("2026-11-23T07:08:12.9994100119999Z")).isEqualTo(1_795_417_692_999_410_011L);
    }

    @Test
    void decodesTheBinaryTimeWeaveScopePutsInItsMsgpack() {
        // "TS" of the msgpack capture: version 1, seconds since year 1, nanoseconds, offset -1 (UTC).
        byte[] ts = HexFormat.of().parseHex("010000000ee295dd5c3b91c95bffff");
        assertThat(GoTime.formatRfc3339Nano(GoTime.fromBinary(ts))).isEqualTo("2026-11-23T07:08:12.999410011Z");
        assertThat(GoTime.toBinary(GoTime.fromBinary(ts))).isEqualTo(ts);
    }

    @Test
    void readsVersionTwoBinaryTimesAndIgnoresTheirZoneOffset() {
        byte[] v2 = HexFormat.of().parseHex("020000000ee295dd5c3b91c95b007805");
        assertThat(GoTime.formatRfc3339Nano(GoTime.fromBinary(v2))).isEqualTo("2026-11-23T07:08:12.999410011Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-11-23", "2026-11-23T07:08:12", "2026-13-23T07:08:12Z", "2026-11-23T25:08:12Z",
            "2026-11-23T07:08:12.Z", "2026-11-23T07:08:12+0200", "x026-11-23T07:08:12Z", "2026-02-30T07:08:12Z"})
    void rejectsTextThatIsNotAnRfc3339Time(String text) {
        assertThatThrownBy(() -> GoTime.parseRfc3339Nano(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsBinaryTimesOfTheWrongShape() {
        assertThatThrownBy(() -> GoTime.fromBinary(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoTime.fromBinary(HexFormat.of().parseHex("030000000ee295dd5c3b91c95bffff")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoTime.fromBinary(HexFormat.of().parseHex("010000000ee295dd5cffffffffffff")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clampsInstantsBeyondTheRangeOfNanoseconds() {
        assertThat(GoTime.parseRfc3339Nano("9999-12-31T23:59:59Z")).isEqualTo(Long.MAX_VALUE);
        assertThat(GoTime.parseRfc3339Nano("1000-01-01T00:00:00Z")).isEqualTo(Long.MIN_VALUE);
    }

    @Property
    void textAndBinaryFormsRoundTrip(@ForAll long nanos) {
        assertThat(GoTime.parseRfc3339Nano(GoTime.formatRfc3339Nano(nanos))).isEqualTo(nanos);
        assertThat(GoTime.fromBinary(GoTime.toBinary(nanos))).isEqualTo(nanos);
    }
}
