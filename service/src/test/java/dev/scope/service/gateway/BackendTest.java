package dev.scope.service.gateway;

import dev.scope.service.auth.InternalHeaders;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which replica a request goes to: round-robin, or by organisation for the components with per-org state. */
class BackendTest {
    private static final List<URI> THREE = List.of(URI.create("http://10.0.0.1:4043"), URI.create("http://10.0.0.2:4043"),
            URI.create("http://10.0.0.3:4043"));

    @Test
    void statelessComponentsGoRoundRobinOverEveryReplica() {
        Backend b = new Backend("collection", THREE);
        assertThat(b.order(Map.of(InternalHeaders.ORG_ID, "org-1")).getFirst()).isNotEqualTo(b.order(Map.of(InternalHeaders.ORG_ID, "org-1")).getFirst());
        assertThat(b.order()).containsExactlyInAnyOrderElementsOf(THREE);
    }

    @Test
    void anOrganisationAlwaysGoesToTheSameReplicaWhateverTheGatewayAndListOrder() {
        Backend one = new Backend("query", THREE, true);
        Backend other = new Backend("query", List.of(THREE.get(2), THREE.get(0), THREE.get(1)), true);
        for (int i = 0; i < 200; i++) {
            Map<String, String> org = Map.of(InternalHeaders.ORG_ID, "org-" + i);
            List<URI> order = one.order(org);
            assertThat(order).containsExactlyInAnyOrderElementsOf(THREE); // the rest to fail over to
            assertThat(one.order(org)).isEqualTo(order);
            assertThat(other.order(org)).isEqualTo(order);
        }
    }

    @Test
    void organisationsSpreadOverReplicasAndLosingOneMovesOnlyItsOwn() {
        Backend all = new Backend("query", THREE, true);
        Backend withoutThird = new Backend("query", THREE.subList(0, 2), true);
        Map<URI, Integer> share = new HashMap<>();
        int moved = 0;
        for (int i = 0; i < 3000; i++) {
            String org = "org-" + i;
            URI first = all.orderFor(org).getFirst();
            share.merge(first, 1, Integer::sum);
            URI after = withoutThird.orderFor(org).getFirst();
            if (!first.equals(THREE.get(2))) assertThat(after).isEqualTo(first);
            else {
                assertThat(after).isEqualTo(all.orderFor(org).get(1)); // its own next choice
                moved++;
            }
        }
        assertThat(share.values()).allSatisfy(n -> assertThat(n).isBetween(800, 1200));
        assertThat(moved).isEqualTo(share.get(THREE.get(2)));
    }

    @Test
    void requestsWithoutAnOrganisationStillReachEveryReplica() {
        Backend b = new Backend("query", THREE, true);
        assertThat(IntStream.range(0, 3).mapToObj(i -> b.order(Map.of()).getFirst()).distinct()).hasSize(3);
        assertThat(new Backend("query", THREE.subList(0, 1), true).orderFor("org")).containsExactly(THREE.getFirst());
    }
}
