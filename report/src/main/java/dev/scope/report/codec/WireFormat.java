package dev.scope.report.codec;

import java.util.Locale;

/** The two body encodings a Weave Scope 1.13 probe and app exchange reports in. */
public enum WireFormat {
    JSON("application/json"),
    MSGPACK("application/msgpack");

    private final String contentType;

    WireFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The media type to send in {@code Content-Type}. */
    public String contentType() {
        return contentType;
    }

    /**
     * The format named by a {@code Content-Type} header; parameters such as {@code charset} are ignored.
     *
     * @throws ReportFormatException when the header is missing or names another media type
     */
    public static WireFormat fromContentType(String contentType) throws ReportFormatException {
        if (contentType == null) throw new ReportFormatException("missing Content-Type: expected application/msgpack or application/json");
        int semicolon = contentType.indexOf(';');
        String media = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).trim().toLowerCase(Locale.ROOT);
        for (WireFormat f : values()) {
            if (f.contentType.equals(media)) return f;
        }
        throw new ReportFormatException("unsupported Content-Type \"" + printable(contentType)
                + "\": expected application/msgpack or application/json");
    }

    private static String printable(String s) {
        String cut = s.length() > 100 ? s.substring(0, 100) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
