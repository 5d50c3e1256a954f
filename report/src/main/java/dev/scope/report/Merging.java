package dev.scope.report;

/**
 * Tie-breaks for values that Weave Scope merges "first one wins". Picking by a total order
 * instead keeps merge commutative, so the merged view does not depend on which probe's
 * report arrived first.
 */
final class Merging {
    private Merging() {
    }

    /** The non-empty one; of two non-empty ones the smaller. */
    static String text(String a, String b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Equal values keep the first; different ones are ordered by their text form, then by hash code,
     * because different records can print alike (a ", icon=" inside a plugin's label, say).
     */
    static <T> T either(T a, T b) {
        if (a.equals(b)) return a;
        int byText = a.toString().compareTo(b.toString());
        if (byText != 0) return byText < 0 ? a : b;
        return Integer.compare(a.hashCode(), b.hashCode()) <= 0 ? a : b;
    }
}
