package dev.scope.report;

/**
 * How the UI shows one metadata row: which key, its label and type, and where to read it from
 * ({@code latest}, {@code sets} or {@code counters}).
 */
public record MetadataTemplate(String id, String label, int truncate, String dataType, double priority, String from) {
    public MetadataTemplate {
        if (label == null) label = "";
        if (dataType == null) dataType = "";
        if (from == null) from = "";
    }
}
