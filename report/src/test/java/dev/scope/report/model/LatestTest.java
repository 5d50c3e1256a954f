package dev.scope.report.model;

import dev.scope.report.Latest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatestTest {

    @Test
    void theNewerObservationWinsWhicheverAsks() {
        Latest running = new Latest("running", 2_000);
        Latest paused = new Latest("paused", 1_000);
        assertThat(running.newest(paused)).isSameAs(running);
        assertThat(paused.newest(running)).isSameAs(running);
    }

    @Test
    void equalTimesPickTheGreaterValueSoThatOrderDoesNotMatter() {
        Latest a = new Latest("exited", 5), b = new Latest("running", 5);
        assertThat(a.newest(b)).isSameAs(b);
        assertThat(b.newest(a)).isSameAs(b);
    }

    @Test
    void rejectsANullValue() {
        assertThatThrownBy(() -> new Latest(null, 1)).isInstanceOf(NullPointerException.class).hasMessageContaining("latest value");
    }
}
