package dev.scope.app;

import dev.scope.report.Report;
import dev.scope.report.codec.GoTime;

import java.util.Map;
import java.util.OptionalLong;

/**
 * Which report a request is about: the live merge, or, with history on and a {@code ?timestamp=}
 * (RFC 3339) in the query, the merge as it was then. Without history the timestamp is ignored, as
 * Weave Scope's in-memory collector does.
 */
final class ReportSource {
    /** A client mistake in the query; answered 400. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    private final LiveReports live;
    private final PastReports history;

    ReportSource(LiveReports live, PastReports historyOrNull) {
        this.live = live;
        this.history = historyOrNull;
    }

    boolean historyEnabled() {
        return history != null;
    }

    Report live() {
        return live.merged();
    }

    /** Blocking when it reads history: call off the event loop. */
    Report forQuery(Map<String, String> query) {
        OptionalLong at = requestedTime(query);
        return at.isPresent() ? at(at.getAsLong()) : live.merged();
    }

    Report at(long unixNanos) {
        return history == null ? live.merged() : history.at(unixNanos);
    }

    /** The {@code timestamp} the query asks for, when history can answer it. */
    OptionalLong requestedTime(Map<String, String> query) {
        String ts = query.get("timestamp");
        if (history == null || ts == null || ts.isEmpty()) return OptionalLong.empty();
        try {
            return OptionalLong.of(GoTime.parseRfc3339Nano(ts));
        } catch (RuntimeException e) {
            throw new BadRequest("timestamp must be RFC 3339, e.g. 2026-11-23T07:08:24Z, not " + Responses.printable(ts));
        }
    }
}
