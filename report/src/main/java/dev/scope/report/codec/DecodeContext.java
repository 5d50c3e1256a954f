package dev.scope.report.codec;

/**
 * What the decoder is in the middle of, for error messages: the top-level field, node id and node field.
 * Updated by plain assignments, so it costs nearly nothing when nothing goes wrong.
 */
final class DecodeContext {
    String section;
    String nodeId;
    String field;

    @Override
    public String toString() {
        if (section == null) return "";
        StringBuilder b = new StringBuilder(" in ").append(section);
        if (nodeId != null) b.append(" node \"").append(shorten(nodeId)).append('"');
        if (field != null) b.append(" field ").append(shorten(field));
        return b.toString();
    }

    private static String shorten(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
