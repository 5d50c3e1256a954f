package dev.scope.report.codec;

import java.io.IOException;

/** A report body that cannot be decoded; the message says what is wrong and where. */
public class ReportFormatException extends IOException {
    public ReportFormatException(String message) {
        super(message);
    }

    public ReportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
