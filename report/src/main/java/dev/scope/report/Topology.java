package dev.scope.report;

import java.util.Objects;

/**
 * One kind of thing in a report (processes, containers, ...): its nodes and how the UI shows
 * them: shape, labels, controls and the metadata/metric/table templates.
 */
public record Topology(
        String shape,
        String tag,
        String label,
        String labelPlural,
        NodeSet nodes,
        StringMap<Control> controls,
        StringMap<MetadataTemplate> metadataTemplates,
        StringMap<MetricTemplate> metricTemplates,
        StringMap<TableTemplate> tableTemplates) {

    public static final Topology EMPTY = new Topology("", "", "", "", NodeSet.EMPTY, StringMap.empty(),
            StringMap.empty(), StringMap.empty(), StringMap.empty());

    public Topology {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(labelPlural, "labelPlural");
        Objects.requireNonNull(nodes, "nodes");
        Objects.requireNonNull(controls, "controls");
        Objects.requireNonNull(metadataTemplates, "metadataTemplates");
        Objects.requireNonNull(metricTemplates, "metricTemplates");
        Objects.requireNonNull(tableTemplates, "tableTemplates");
    }

    public static Topology described(String shape, String label, String labelPlural) {
        return new Topology(shape, "", label, labelPlural, NodeSet.EMPTY, StringMap.empty(),
                StringMap.empty(), StringMap.empty(), StringMap.empty());
    }

    public Topology withNodes(NodeSet newNodes) {
        return new Topology(shape, tag, label, labelPlural, newNodes, controls, metadataTemplates, metricTemplates, tableTemplates);
    }

    public Topology withNode(Node node) {
        return withNodes(nodes.with(node));
    }

    public Topology withTag(String newTag) {
        return new Topology(shape, newTag, label, labelPlural, nodes, controls, metadataTemplates, metricTemplates, tableTemplates);
    }

    public Topology withControls(StringMap<Control> newControls) {
        return new Topology(shape, tag, label, labelPlural, nodes, newControls, metadataTemplates, metricTemplates, tableTemplates);
    }

    public Topology withMetadataTemplates(StringMap<MetadataTemplate> t) {
        return new Topology(shape, tag, label, labelPlural, nodes, controls, t, metricTemplates, tableTemplates);
    }

    public Topology withMetricTemplates(StringMap<MetricTemplate> t) {
        return new Topology(shape, tag, label, labelPlural, nodes, controls, metadataTemplates, t, tableTemplates);
    }

    public Topology withTableTemplates(StringMap<TableTemplate> t) {
        return new Topology(shape, tag, label, labelPlural, nodes, controls, metadataTemplates, metricTemplates, t);
    }

    public boolean isEmpty() {
        return this.equals(EMPTY);
    }

    public Topology merge(Topology other) {
        if (other == this || other.isEmpty()) return this;
        if (isEmpty()) return other;
        return new Topology(
                Merging.text(shape, other.shape),
                Merging.text(tag, other.tag),
                Merging.text(label, other.label),
                Merging.text(labelPlural, other.labelPlural),
                nodes.merge(other.nodes),
                controls.merge(other.controls, Merging::either),
                metadataTemplates.merge(other.metadataTemplates, Merging::either),
                metricTemplates.merge(other.metricTemplates, Merging::either),
                tableTemplates.merge(other.tableTemplates, Merging::either));
    }
}
