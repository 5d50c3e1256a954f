package dev.scope.probe.process;

/** The two limits Weave Scope plots process metrics against, from {@code /proc/<pid>/limits}. */
record ProcLimits(double openFiles, double rssBytes) {
    /** What "unlimited" means as a float, as Go's uint64 max converts. */
    static final double UNLIMITED = 18446744073709551615.0;
    static final ProcLimits UNKNOWN = new ProcLimits(UNLIMITED, UNLIMITED);

    static ProcLimits parse(String text) {
        double files = UNLIMITED, rss = UNLIMITED;
        for (String line : text.split("\n")) {
            if (line.startsWith("Max open files")) files = soft(line, "Max open files".length());
            else if (line.startsWith("Max resident set")) rss = soft(line, "Max resident set".length());
        }
        return new ProcLimits(files, rss);
    }

    private static double soft(String line, int from) {
        String rest = line.substring(from).trim();
        int space = rest.indexOf(' ');
        String soft = space < 0 ? rest : rest.substring(0, space);
        if (soft.equals("unlimited")) return UNLIMITED;
        try {
            return Double.parseDouble(soft);
        } catch (NumberFormatException e) {
            return UNLIMITED;
        }
    }
}
