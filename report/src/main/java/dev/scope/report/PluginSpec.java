package dev.scope.report;

import java.util.List;

/** A probe plugin as listed in reports and in the app's {@code /api}: Weave Scope's plugin protocol v1. */
public record PluginSpec(String id, String label, String description, List<String> interfaces, String apiVersion,
                         String status) {
    public PluginSpec {
        if (label == null) label = "";
        if (description == null) description = "";
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
        if (apiVersion == null) apiVersion = "";
        if (status == null) status = "";
    }
}
