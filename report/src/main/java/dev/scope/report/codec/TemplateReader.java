package dev.scope.report.codec;

import dev.scope.report.Control;
import dev.scope.report.MetadataTemplate;
import dev.scope.report.MetricTemplate;
import dev.scope.report.StringMap;
import dev.scope.report.TableTemplate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a topology's controls and its metadata, metric and table templates. */
final class TemplateReader {
    private final WireReader in;

    TemplateReader(WireReader in) {
        this.in = in;
    }

    StringMap<Control> readControls() throws IOException {
        StringMap.Builder<Control> out = new StringMap.Builder<>();
        in.beginMap();
        while (in.nextKey()) {
            String key = in.key();
            String id = "", human = "", icon = "", confirmation = "";
            int rank = 0;
            in.beginMap();
            while (in.nextKey()) {
                switch (in.key()) {
                    case "id" -> id = in.readString();
                    case "human" -> human = in.readString();
                    case "icon" -> icon = in.readString();
                    case "confirmation" -> confirmation = in.readString();
                    case "rank" -> rank = readInt();
                    default -> in.skipValue();
                }
            }
            out.put(key, new Control(id, human, icon, confirmation, rank));
        }
        return out.build();
    }

    StringMap<MetadataTemplate> readMetadataTemplates() throws IOException {
        StringMap.Builder<MetadataTemplate> out = new StringMap.Builder<>();
        in.beginMap();
        while (in.nextKey()) {
            String key = in.key();
            String id = "", label = "", dataType = "", from = "";
            int truncate = 0;
            double priority = 0;
            in.beginMap();
            while (in.nextKey()) {
                switch (in.key()) {
                    case "id" -> id = in.readString();
                    case "label" -> label = in.readString();
                    case "truncate" -> truncate = readInt();
                    case "dataType" -> dataType = in.readString();
                    case "priority" -> priority = in.readDouble();
                    case "from" -> from = in.readString();
                    default -> in.skipValue();
                }
            }
            out.put(key, new MetadataTemplate(id, label, truncate, dataType, priority, from));
        }
        return out.build();
    }

    StringMap<MetricTemplate> readMetricTemplates() throws IOException {
        StringMap.Builder<MetricTemplate> out = new StringMap.Builder<>();
        in.beginMap();
        while (in.nextKey()) {
            String key = in.key();
            String id = "", label = "", format = "", group = "";
            double priority = 0;
            in.beginMap();
            while (in.nextKey()) {
                switch (in.key()) {
                    case "id" -> id = in.readString();
                    case "label" -> label = in.readString();
                    case "format" -> format = in.readString();
                    case "group" -> group = in.readString();
                    case "priority" -> priority = in.readDouble();
                    default -> in.skipValue();
                }
            }
            out.put(key, new MetricTemplate(id, label, format, group, priority));
        }
        return out.build();
    }

    StringMap<TableTemplate> readTableTemplates() throws IOException {
        StringMap.Builder<TableTemplate> out = new StringMap.Builder<>();
        in.beginMap();
        while (in.nextKey()) {
            String key = in.key();
            String id = "", label = "", prefix = "", type = "";
            List<TableTemplate.Column> columns = null;
            StringMap<String> fixedRows = StringMap.empty();
            in.beginMap();
            while (in.nextKey()) {
                switch (in.key()) {
                    case "id" -> id = in.readString();
                    case "label" -> label = in.readString();
                    case "prefix" -> prefix = in.readString();
                    case "type" -> type = in.readString();
                    case "columns" -> columns = readColumns();
                    case "fixedRows" -> fixedRows = readStringMap();
                    default -> in.skipValue();
                }
            }
            out.put(key, new TableTemplate(id, label, prefix, type, columns, fixedRows));
        }
        return out.build();
    }

    /** Null stays null (Weave Scope sends {@code "columns": null} for property lists). */
    private List<TableTemplate.Column> readColumns() throws IOException {
        if (in.peekNil()) {
            in.skipValue();
            return null;
        }
        List<TableTemplate.Column> columns = new ArrayList<>();
        in.beginArray();
        while (in.nextElement()) {
            String id = "", label = "", dataType = "";
            in.beginMap();
            while (in.nextKey()) {
                switch (in.key()) {
                    case "id" -> id = in.readString();
                    case "label" -> label = in.readString();
                    case "dataType" -> dataType = in.readString();
                    default -> in.skipValue();
                }
            }
            columns.add(new TableTemplate.Column(id, label, dataType));
        }
        return columns;
    }

    private StringMap<String> readStringMap() throws IOException {
        StringMap.Builder<String> out = new StringMap.Builder<>();
        in.beginMap();
        while (in.nextKey()) {
            String key = in.key();
            out.put(key, in.readString());
        }
        return out.build();
    }

    private int readInt() throws IOException {
        long v = in.readLong();
        if (v != (int) v) throw in.error("integer " + v + " does not fit in 32 bits");
        return (int) v;
    }
}
