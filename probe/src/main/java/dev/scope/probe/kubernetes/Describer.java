package dev.scope.probe.kubernetes;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Comparator;
import java.util.List;

/**
 * The text of the describe control: the object as YAML (without managed fields, which only the API server needs)
 * and its recent events. Weave Scope ran kubectl's describer instead; its text layout is not reproduced.
 */
final class Describer {
    private Describer() {
    }

    static String describe(KubernetesClient client, HasMetadata object) {
        var serialization = client.getKubernetesSerialization();
        HasMetadata copy = serialization.clone(object);
        copy.getMetadata().setManagedFields(null);
        StringBuilder out = new StringBuilder(serialization.asYaml(copy));
        List<Event> events = events(client, object);
        out.append("\nEvents:");
        if (events.isEmpty()) out.append(" <none>\n");
        else {
            out.append("\n");
            for (Event e : events) {
                out.append("  ").append(nullToDash(e.getLastTimestamp())).append("  ").append(nullToDash(e.getType()))
                        .append("  ").append(nullToDash(e.getReason())).append("  ").append(nullToDash(e.getMessage())).append("\n");
            }
        }
        return out.toString();
    }

    private static List<Event> events(KubernetesClient client, HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        try {
            var events = namespace == null ? client.v1().events().inAnyNamespace() : client.v1().events().inNamespace(namespace);
            return events.withField("involvedObject.uid", object.getMetadata().getUid()).list().getItems().stream()
                    .filter(e -> e.getInvolvedObject() != null && object.getMetadata().getUid().equals(e.getInvolvedObject().getUid()))
                    .sorted(Comparator.comparing(e -> nullToDash(e.getLastTimestamp())))
                    .toList();
        } catch (KubernetesClientException e) {
            return List.of(); // events are a courtesy: RBAC may not allow them
        }
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }
}
