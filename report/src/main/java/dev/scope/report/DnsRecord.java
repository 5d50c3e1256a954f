package dev.scope.report;

/** Names seen for an IP address: forward from DNS answers, reverse from PTR lookups. */
public record DnsRecord(StringSet forward, StringSet reverse) {
    public static final DnsRecord EMPTY = new DnsRecord(StringSet.EMPTY, StringSet.EMPTY);

    public DnsRecord {
        if (forward == null) forward = StringSet.EMPTY;
        if (reverse == null) reverse = StringSet.EMPTY;
    }

    public DnsRecord merge(DnsRecord other) {
        return new DnsRecord(forward.merge(other.forward), reverse.merge(other.reverse));
    }
}
