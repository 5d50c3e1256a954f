package dev.scope.report.laws;

import dev.scope.report.Control;
import dev.scope.report.MetricTemplate;
import dev.scope.report.StringMap;
import dev.scope.report.Topology;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Real probes send the same template for the same key, but two probe versions or a plugin may not, and
 * a plugin chooses its text freely. Whichever definition wins, it must not depend on arrival order.
 */
class ConflictingDefinitionsTest {

    /** Text with the separators of a record's toString, so that different controls print alike. */
    @Provide
    Arbitrary<Control> controls() {
        Arbitrary<String> text = Arbitraries.of("a", "b", "b, icon=c", "c", "c, icon=d", "d", "");
        return Combinators.combine(text, text, text, Arbitraries.integers().between(0, 2))
                .as((human, icon, confirmation, rank) -> new Control("docker_pause_container", human, icon, confirmation, rank));
    }

    @Property
    void differentControlsUnderOneIdMergeTheSameInEitherOrder(@ForAll("controls") Control a, @ForAll("controls") Control b) {
        MergeLaws.commutative(withControl(a), withControl(b), Topology::merge);
    }

    @Test
    void controlsThatPrintAlikeButDifferStillMergeTheSameInEitherOrder() {
        Control commaInLabel = new Control("docker_pause_container", "b, icon=c", "d", "", 0);
        Control commaInIcon = new Control("docker_pause_container", "b", "c, icon=d", "", 0);
        MergeLaws.commutative(withControl(commaInLabel), withControl(commaInIcon), Topology::merge);
    }

    @Test
    void differentMetricTemplatesUnderOneKeyMergeTheSameInEitherOrder() {
        Topology a = Topology.EMPTY.withMetricTemplates(StringMap.of("load1", new MetricTemplate("load1", "Load (1m)", "", "load", 11)));
        Topology b = Topology.EMPTY.withMetricTemplates(StringMap.of("load1", new MetricTemplate("load1", "Load", "", "", 1)));
        MergeLaws.commutative(a, b, Topology::merge);
    }

    private static Topology withControl(Control c) {
        return Topology.described("hexagon", "container", "containers").withControls(StringMap.of(c.id(), c));
    }
}
