package dev.scope.render.detail;

import dev.scope.render.NodeSummary.Column;
import dev.scope.render.NodeSummary.MetadataRow;
import dev.scope.render.NodeSummary.MetricRow;
import dev.scope.render.NodeSummary.Row;
import dev.scope.render.NodeSummary.Sample;
import dev.scope.render.NodeSummary.Table;
import dev.scope.render.graph.RNode;
import dev.scope.report.Latest;
import dev.scope.report.MetadataTemplate;
import dev.scope.report.Metric;
import dev.scope.report.MetricTemplate;
import dev.scope.report.StringSet;
import dev.scope.report.TableTemplate;
import dev.scope.report.Topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A node's metadata, metric and table rows, as its topology's templates describe them. */
final class TemplateRows {
    private static final Comparator<MetadataRow> METADATA_ORDER =
            Comparator.comparingDouble(MetadataRow::priority).thenComparing(MetadataRow::id);
    private static final Comparator<MetricRow> METRIC_ORDER =
            Comparator.comparingDouble(MetricRow::priority).thenComparing(MetricRow::id);
    static final String TRUNCATION_COUNT_PREFIX = "table_truncation_count_";
    private static final String TABLE_ENTRY_SEPARATOR = "___";

    private TemplateRows() {
    }

    static List<MetadataRow> metadata(Topology t, RNode n) {
        List<MetadataRow> rows = new ArrayList<>();
        for (int i = 0; i < t.metadataTemplates().size(); i++) {
            MetadataTemplate template = t.metadataTemplates().valueAt(i);
            String value = valueOf(n, template);
            if (value != null) {
                rows.add(new MetadataRow(template.id(), template.label(), value, template.priority(),
                        template.dataType(), template.truncate()));
            }
        }
        rows.sort(METADATA_ORDER);
        return rows;
    }

    private static String valueOf(RNode n, MetadataTemplate template) {
        switch (template.from()) {
            case "sets" -> {
                StringSet s = n.sets().get(template.id());
                return s == null ? null : String.join(", ", s);
            }
            case "counters" -> {
                return n.hasCounter(template.id()) ? Integer.toString(n.counter(template.id())) : null;
            }
            default -> {
                return n.latestValue(template.id());
            }
        }
    }

    /** @param withSamples false in topology summaries, true in node details */
    static List<MetricRow> metrics(Topology t, RNode n, boolean withSamples) {
        List<MetricRow> rows = new ArrayList<>();
        for (int i = 0; i < t.metricTemplates().size(); i++) {
            MetricTemplate template = t.metricTemplates().valueAt(i);
            Metric m = n.metrics().get(template.id());
            if (m == null) continue;
            double value = m.isEmpty() ? 0 : toFixed(m.lastValue(), 2);
            rows.add(new MetricRow(template.id(), template.label(), template.format(), template.group(), value,
                    template.priority(), withSamples ? samples(m) : null, m.min(), m.max(), ""));
        }
        rows.sort(METRIC_ORDER);
        return rows;
    }

    static List<Sample> samples(Metric m) {
        if (m.isEmpty()) return null;
        List<Sample> out = new ArrayList<>(m.size());
        for (int i = 0; i < m.size(); i++) out.add(new Sample(m.timeAt(i), m.valueAt(i)));
        return out;
    }

    /** Go's toFixed: rounds half away from zero to {@code precision} decimals. */
    static double toFixed(double value, int precision) {
        double scale = Math.pow(10, precision);
        double scaled = value * scale;
        long rounded = (long) (scaled + Math.copySign(0.5, scaled));
        return rounded / scale;
    }

    static List<Table> tables(Topology t, RNode n) {
        List<Table> out = new ArrayList<>();
        for (int i = 0; i < t.tableTemplates().size(); i++) {
            TableTemplate template = t.tableTemplates().valueAt(i);
            List<Row> rows = "multicolumn-table".equals(template.type()) ? multicolumnRows(template, n)
                    : "property-list".equals(template.type()) ? propertyRows(template, n) : List.of();
            List<Column> columns = null;
            if (template.columns() != null) {
                columns = new ArrayList<>();
                for (TableTemplate.Column c : template.columns()) columns.add(new Column(c.id(), c.label(), c.dataType()));
            }
            out.add(new Table(template.id(), template.label(), template.type(), columns, rows, truncationCount(template, n)));
        }
        out.sort(Comparator.comparing(Table::id));
        return out;
    }

    private static int truncationCount(TableTemplate template, RNode n) {
        String count = n.latestValue(TRUNCATION_COUNT_PREFIX + template.id());
        if (count == null) return 0;
        try {
            return Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<Row> propertyRows(TableTemplate template, RNode n) {
        Map<String, String> byLabel = new HashMap<>();
        template.fixedRows().forEach((key, label) -> {
            String value = n.latestValue(key);
            if (value != null) byLabel.put(label, value);
        });
        if (!template.prefix().isEmpty()) {
            forEachWithPrefix(n, template.prefix(), (key, value) -> byLabel.put(key.substring(template.prefix().length()), value));
        }
        List<Row> rows = new ArrayList<>(byLabel.size());
        byLabel.forEach((label, value) -> rows.add(new Row("label_" + label, new TreeMap<>(Map.of("label", label, "value", value)))));
        rows.sort(Comparator.comparing(Row::id));
        return rows;
    }

    private static List<Row> multicolumnRows(TableTemplate template, RNode n) {
        Map<String, TreeMap<String, String>> byRow = new TreeMap<>();
        forEachWithPrefix(n, template.prefix(), (key, value) -> {
            String rest = key.substring(template.prefix().length());
            int sep = rest.indexOf(TABLE_ENTRY_SEPARATOR);
            if (sep < 0) return;
            byRow.computeIfAbsent(rest.substring(0, sep), k -> new TreeMap<>())
                    .put(rest.substring(sep + TABLE_ENTRY_SEPARATOR.length()), value);
        });
        List<Row> rows = new ArrayList<>(byRow.size());
        byRow.forEach((id, entries) -> rows.add(new Row(id, entries)));
        return rows;
    }

    private static void forEachWithPrefix(RNode n, String prefix, java.util.function.BiConsumer<String, String> action) {
        for (int i = 0; i < n.latest().size(); i++) {
            String key = n.latest().keyAt(i);
            if (key.startsWith(prefix)) {
                Latest l = n.latest().valueAt(i);
                action.accept(key, l.value());
            }
        }
    }
}
