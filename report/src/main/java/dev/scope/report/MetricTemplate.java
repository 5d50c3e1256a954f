package dev.scope.report;

/** How the UI shows one metric: label, number format ({@code percent}, {@code filesize}...), group. */
public record MetricTemplate(String id, String label, String format, String group, double priority) {
    public MetricTemplate {
        if (label == null) label = "";
        if (format == null) format = "";
        if (group == null) group = "";
    }
}
