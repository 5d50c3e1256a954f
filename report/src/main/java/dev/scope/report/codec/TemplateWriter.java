package dev.scope.report.codec;

import dev.scope.report.Control;
import dev.scope.report.MetadataTemplate;
import dev.scope.report.MetricTemplate;
import dev.scope.report.StringMap;
import dev.scope.report.TableTemplate;
import java.io.IOException;

/** Writes a topology's controls and metadata, metric and table templates, omitting zero fields as Go does. */
final class TemplateWriter {
    private final WireWriter out;
    private final OmitEmpty omit;

    TemplateWriter(WireWriter out) {
        this.out = out;
        this.omit = new OmitEmpty(out);
    }

    void writeControls(StringMap<Control> controls) throws IOException {
        out.beginMap(controls.size());
        for (int i = 0; i < controls.size(); i++) {
            Control c = controls.valueAt(i);
            out.key(controls.keyAt(i));
            out.beginMap(4 + OmitEmpty.count(!c.confirmation().isEmpty()));
            out.key("id");
            out.string(c.id());
            out.key("human");
            out.string(c.human());
            out.key("icon");
            out.string(c.icon());
            omit.string("confirmation", c.confirmation());
            out.key("rank");
            out.number(c.rank());
            out.endMap();
        }
        out.endMap();
    }

    void writeMetadataTemplates(StringMap<MetadataTemplate> templates) throws IOException {
        out.beginMap(templates.size());
        for (int i = 0; i < templates.size(); i++) {
            MetadataTemplate t = templates.valueAt(i);
            out.key(templates.keyAt(i));
            out.beginMap(1 + OmitEmpty.count(!t.label().isEmpty(), t.truncate() != 0, !t.dataType().isEmpty(), t.priority() != 0,
                    !t.from().isEmpty()));
            out.key("id");
            out.string(t.id());
            omit.string("label", t.label());
            if (t.truncate() != 0) {
                out.key("truncate");
                out.number(t.truncate());
            }
            omit.string("dataType", t.dataType());
            omit.number("priority", t.priority());
            omit.string("from", t.from());
            out.endMap();
        }
        out.endMap();
    }

    void writeMetricTemplates(StringMap<MetricTemplate> templates) throws IOException {
        out.beginMap(templates.size());
        for (int i = 0; i < templates.size(); i++) {
            MetricTemplate t = templates.valueAt(i);
            out.key(templates.keyAt(i));
            out.beginMap(1 + OmitEmpty.count(!t.label().isEmpty(), !t.format().isEmpty(), !t.group().isEmpty(), t.priority() != 0));
            out.key("id");
            out.string(t.id());
            omit.string("label", t.label());
            omit.string("format", t.format());
            omit.string("group", t.group());
            omit.number("priority", t.priority());
            out.endMap();
        }
        out.endMap();
    }

    void writeTableTemplates(StringMap<TableTemplate> templates) throws IOException {
        out.beginMap(templates.size());
        for (int i = 0; i < templates.size(); i++) {
            TableTemplate t = templates.valueAt(i);
            out.key(templates.keyAt(i));
            out.beginMap(6);
            out.key("id");
            out.string(t.id());
            out.key("label");
            out.string(t.label());
            out.key("prefix");
            out.string(t.prefix());
            out.key("type");
            out.string(t.type());
            out.key("columns");
            if (t.columns() == null) {
                out.nil();
            } else {
                out.beginArray(t.columns().size());
                for (TableTemplate.Column c : t.columns()) {
                    out.beginMap(3);
                    out.key("id");
                    out.string(c.id());
                    out.key("label");
                    out.string(c.label());
                    out.key("dataType");
                    out.string(c.dataType());
                    out.endMap();
                }
                out.endArray();
            }
            out.key("fixedRows");
            out.beginMap(t.fixedRows().size());
            for (int r = 0; r < t.fixedRows().size(); r++) {
                out.key(t.fixedRows().keyAt(r));
                out.string(t.fixedRows().valueAt(r));
            }
            out.endMap();
            out.endMap();
        }
        out.endMap();
    }

}
