package dev.scope.app;

import dev.scope.report.Report;

/** Reports of past moments, for {@code ?timestamp=} (time travel). Blocking: called off the event loop. */
public interface PastReports {
    /** The merge of the reports received in the window ending at {@code unixNanos}. */
    Report at(long unixNanos);
}
