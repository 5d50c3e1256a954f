package dev.scope.report.laws;

import dev.scope.report.Latest;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class LatestNewestLawsTest {

    @Provide
    Arbitrary<Latest> latests() {
        return ReportArbitraries.latests();
    }

    @Property
    void newestIsCommutativeEvenWhenTimesTie(@ForAll("latests") Latest a, @ForAll("latests") Latest b) {
        MergeLaws.commutative(a, b, Latest::newest);
    }

    @Property
    void newestIsAssociative(@ForAll("latests") Latest a, @ForAll("latests") Latest b, @ForAll("latests") Latest c) {
        MergeLaws.associative(a, b, c, Latest::newest);
    }

    @Property
    void newestIsIdempotent(@ForAll("latests") Latest a) {
        MergeLaws.idempotent(a, Latest::newest);
    }

    @Property
    void theNewerObservationWins(@ForAll("latests") Latest a, @ForAll("latests") Latest b) {
        Latest winner = a.newest(b);
        assertThat(winner).isIn(a, b);
        assertThat(winner.timestamp()).isEqualTo(Math.max(a.timestamp(), b.timestamp()));
    }
}
