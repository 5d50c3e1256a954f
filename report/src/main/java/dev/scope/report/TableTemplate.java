package dev.scope.report;

import java.util.List;

/**
 * A table of a node's details built from latest keys: either keys starting with {@code prefix}
 * or the {@code fixedRows} (key to label). {@code type} is {@code property-list} or {@code multicolumn-table}.
 * {@code columns} is null when Weave Scope sends none, so that it encodes back the same.
 */
public record TableTemplate(String id, String label, String prefix, String type, List<Column> columns,
                            StringMap<String> fixedRows) {
    public TableTemplate {
        if (label == null) label = "";
        if (prefix == null) prefix = "";
        if (type == null) type = "";
        if (columns != null) columns = List.copyOf(columns);
        if (fixedRows == null) fixedRows = StringMap.empty();
    }

    public record Column(String id, String label, String dataType) {
        public Column {
            if (label == null) label = "";
            if (dataType == null) dataType = "";
        }
    }
}
