package dev.scope.report;

/**
 * A button the UI shows on nodes of a topology. A node shows it while its latest
 * {@code active_controls} names it.
 */
public record Control(String id, String human, String icon, String confirmation, int rank) {
    public Control {
        if (confirmation == null) confirmation = "";
        if (icon == null) icon = "";
        if (human == null) human = "";
    }
}
