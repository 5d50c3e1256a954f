package dev.scope.report.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scope.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Mutates the Weave Scope captures (bit flips, truncation, insertion, overwrites, splices, deletions) and
 * requires that decoding either succeeds or throws {@link ReportFormatException}, nothing else; a report
 * that decodes must also survive re-encoding.
 *
 * <p>Normal runs fuzz for a few seconds. Longer, on demand:
 * {@code ./mvnw -o -pl report test -Dtest=FuzzTest -Dfuzz.seconds=600}
 */
class FuzzTest {
    private static final DecodeLimits LIMITS = new DecodeLimits(16L << 20, 64, 1 << 20);

    /** One input to mutate: the plain body or its gzip, in either format. */
    record Target(String name, WireFormat format, boolean gzip, byte[] body) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A target and the mutations to apply to it, in order. */
    record Case(Target target, List<Mutation> mutations) {
        byte[] input() {
            byte[] b = target.body();
            for (Mutation m : mutations) b = m.apply(b);
            return b;
        }
    }

    private static final List<Target> TARGETS = List.of(
            new Target("msgpack", WireFormat.MSGPACK, false, Fixtures.gunzipped(Fixtures.MSGPACK_GZ)),
            new Target("json", WireFormat.JSON, false, Fixtures.gunzipped(Fixtures.JSON_GZ)),
            new Target("msgpack.gz", WireFormat.MSGPACK, true, Fixtures.bytes(Fixtures.MSGPACK_GZ)),
            new Target("small msgpack", WireFormat.MSGPACK, false, smallReport(WireFormat.MSGPACK)),
            new Target("small json", WireFormat.JSON, false, smallReport(WireFormat.JSON)),
            new Target("small json.gz", WireFormat.JSON, true, gzip(smallReport(WireFormat.JSON))));

    /** A few nodes of the capture: small inputs make every mutation reach structure that matters. */
    private static byte[] smallReport(WireFormat format) {
        try {
            Report full = ReportCodec.decode(Fixtures.bytes(Fixtures.MSGPACK_GZ), WireFormat.MSGPACK, true, DecodeLimits.defaults());
            Report.Builder b = Report.builder().id(full.id()).timestamp(full.timestamp()).dns(full.dns());
            for (var t : dev.scope.report.TopologyId.all()) {
                var topology = full.topology(t);
                var few = topology.nodes().nodes().stream().limit(2).toList();
                b.topology(t, topology.withNodes(dev.scope.report.NodeSet.of(few)));
            }
            return ReportCodec.encode(b.build(), format, false);
        } catch (ReportFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.of(TARGETS), Mutation.any().list().ofMinSize(1).ofMaxSize(4)).as(Case::new);
    }

    @Provide
    Arbitrary<Case> mutated() {
        return cases();
    }

    /** Decodes one case; fails the test on anything but success or ReportFormatException. True when it decoded. */
    static boolean check(Case c) {
        Report decoded;
        try {
            decoded = ReportCodec.decode(c.input(), c.target().format(), c.target().gzip(), LIMITS);
        } catch (ReportFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return false;
        }
        byte[] again = ReportCodec.encode(decoded, WireFormat.MSGPACK, false);
        try {
            assertThat(ReportCodec.decode(again, WireFormat.MSGPACK, false, DecodeLimits.defaults())).isEqualTo(decoded);
        } catch (ReportFormatException e) {
            throw new AssertionError("re-encoding a decoded report gave undecodable bytes for " + c, e);
        }
        return true;
    }

    @Property(tries = 400)
    void mutatedCapturesDecodeOrFailCleanly(@ForAll("mutated") Case c) {
        check(c);
    }

    /** Runs for fuzz.seconds (default 8) over fresh random cases, reporting the case that broke. */
    @Test
    void mutatedCapturesDecodeOrFailCleanlyForAWhile() {
        Duration budget = Duration.ofSeconds(Long.getLong("fuzz.seconds", 8));
        Instant end = Instant.now().plus(budget);
        Iterator<Case> cases = cases().sampleStream().iterator();
        long runs = 0, decoded = 0;
        while (Instant.now().isBefore(end)) {
            Case c = cases.next();
            try {
                if (check(c)) decoded++;
            } catch (Throwable t) {
                throw new AssertionError("fuzz case broke the decoder: " + c, t);
            }
            runs++;
        }
        System.out.printf("fuzz: %d mutated inputs in %s: %d decoded, %d rejected with ReportFormatException%n",
                runs, budget, decoded, runs - decoded);
        assertThat(runs).isPositive();
    }
}
