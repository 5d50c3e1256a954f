package dev.scope.probe.process;

/**
 * The fields we need from {@code /proc/<pid>/stat}, parsed from bytes without splitting into strings.
 * The command name is in parentheses and may itself hold spaces and parentheses, so fields are counted
 * from the last {@code ')'}.
 */
record ProcStat(String comm, int ppid, long jiffies, int threads, long startTime, long rssPages) {

    static ProcStat parse(byte[] b, int length) {
        int open = -1, close = -1;
        for (int i = 0; i < length; i++) if (b[i] == '(') { open = i; break; }
        for (int i = length - 1; i >= 0; i--) if (b[i] == ')') { close = i; break; }
        if (open < 0 || close < open) throw new IllegalArgumentException("malformed stat");
        String comm = new String(b, open + 1, close - open - 1, java.nio.charset.StandardCharsets.UTF_8);
        // after ")": field 0 is state, 1 ppid, 11 utime, 12 stime, 17 num_threads, 19 starttime, 21 rss
        long[] wanted = new long[22];
        int field = -1;
        long value = 0;
        boolean inNumber = false, negative = false;
        for (int i = close + 1; i < length && field < 22; i++) {
            byte c = b[i];
            if (c == ' ' || c == '\n') {
                if (inNumber && field >= 0 && field < 22) wanted[field] = negative ? -value : value;
                inNumber = false;
                continue;
            }
            if (!inNumber) {
                inNumber = true;
                field++;
                value = 0;
                negative = c == '-';
                if (negative) continue;
            }
            if (c >= '0' && c <= '9') value = value * 10 + (c - '0');
        }
        if (inNumber && field >= 0 && field < 22) wanted[field] = negative ? -value : value;
        return new ProcStat(comm, (int) wanted[1], wanted[11] + wanted[12], (int) wanted[17], wanted[19], wanted[21]);
    }
}
