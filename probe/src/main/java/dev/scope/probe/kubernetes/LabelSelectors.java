package dev.scope.probe.kubernetes;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes label selectors, as the API server applies them. As in Weave Scope (and Kubernetes), a missing
 * selector selects nothing, an empty {@link LabelSelector} everything, and a service without a selector no pod.
 */
final class LabelSelectors {
    private LabelSelectors() {
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) return false;
        Map<String, String> have = labels == null ? Map.of() : labels;
        Map<String, String> wanted = selector.getMatchLabels();
        if (wanted != null && !matchesAll(wanted, have)) return false;
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
        if (expressions != null) {
            for (LabelSelectorRequirement r : expressions) {
                if (!matches(r, have)) return false;
            }
        }
        return true;
    }

    /** A service's selector: plain equality on every key; empty or missing selects no pod. */
    static boolean matchesService(Map<String, String> selector, Map<String, String> labels) {
        if (selector == null || selector.isEmpty()) return false;
        return matchesAll(selector, labels == null ? Map.of() : labels);
    }

    private static boolean matchesAll(Map<String, String> wanted, Map<String, String> have) {
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            if (!e.getValue().equals(have.get(e.getKey()))) return false;
        }
        return true;
    }

    private static boolean matches(LabelSelectorRequirement r, Map<String, String> have) {
        String value = have.get(r.getKey());
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        return switch (r.getOperator() == null ? "" : r.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> have.containsKey(r.getKey());
            case "DoesNotExist" -> !have.containsKey(r.getKey());
            default -> false; // an operator we do not know selects nothing rather than everything
        };
    }
}
