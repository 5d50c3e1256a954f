/**
 * Weave Scope 1.13's wire formats for the {@link dev.scope.report.Report}: msgpack and JSON, each optionally
 * gzip-compressed. Entry point: {@link dev.scope.report.codec.ReportCodec}.
 *
 * <h2>What Weave Scope 1.13.2 sends (established from its capture and its Go source)</h2>
 * <p>Go encodes with the ugorji codec ({@code MsgpackHandle} / {@code JsonHandle}, default options):
 * <ul>
 *   <li><b>Report</b>: a map of 30 fields in Go struct order: {@code TS}, the 23 topologies by field name
 *       ({@code Endpoint} ... {@code Job}, see {@link dev.scope.report.TopologyId}), {@code DNS}, {@code Sampling}
 *       ({@code {Count, Total}}), {@code Window} (nanoseconds), {@code Shortcut}, {@code Plugins}, {@code ID}
 *       (a decimal string). All 30 are always present.</li>
 *   <li><b>Topology</b>: {@code shape, tag, label, label_plural, nodes, controls, metadata_templates,
 *       metric_templates, table_templates}, every one omitted when empty ({@code Namespace} is {@code {}}).
 *       {@code nodes} maps node id to node.</li>
 *   <li><b>Node</b>: {@code id, topology} (omitted when empty), {@code sets} (always; nil when empty),
 *       {@code adjacency} (omitted when empty; array of ids), {@code latest} (omitted when empty; key to
 *       {@code {timestamp, value}}, keys sorted), {@code metrics} (omitted when empty), {@code parents}
 *       (always; nil when empty; topology name to ids), {@code children} (always; nil, or an <i>array</i> of
 *       nodes). Sets and parents map keys to string arrays in random order (Go maps); string arrays themselves
 *       are sorted.</li>
 *   <li><b>Metric</b>: {@code samples} (omitted when empty; array of {@code {date, value}}), {@code min},
 *       {@code max}, always float64.</li>
 *   <li><b>Control</b>: {@code id, human, icon, confirmation} (omitted when empty), {@code rank} (int, 0
 *       written). <b>MetadataTemplate</b>: {@code id, label, truncate, dataType, priority, from}, all but
 *       {@code id} omitted when zero. <b>MetricTemplate</b>: {@code id, label, format, group, priority},
 *       likewise. <b>TableTemplate</b>: {@code id, label, prefix, type, columns, fixedRows}, all always
 *       written; {@code columns} is nil for property lists, {@code fixedRows} an empty map when empty.
 *       Column: {@code id, label, dataType}.</li>
 *   <li><b>DNS</b>: address to {@code {forward, reverse}}, each omitted when empty. <b>Plugins</b>: an array
 *       (empty, not nil) of {@code {id, label, description, interfaces, api_version, status}} where
 *       {@code description}, {@code api_version} and {@code status} are omitted when empty.</li>
 * </ul>
 *
 * <h3>msgpack types</h3>
 * <ul>
 *   <li>The <i>old</i> msgpack spec: strings are fixstr, str16 or str32 (never str8, never bin), so a
 *       32..255-byte string is str16.</li>
 *   <li>Times ({@code TS}, latest {@code timestamp}, sample {@code date}) are Go's {@code time.Time.MarshalBinary}
 *       bytes inside a string: 15 bytes = version 1, int64 seconds since 0001-01-01 UTC, int32 nanoseconds,
 *       int16 zone offset in minutes (-1 for UTC). Version 2 (16 bytes, extra offset seconds) is accepted.</li>
 *   <li>Integers take the smallest form; non-negative ones use the unsigned forms (positive fixint, uint8..uint64:
 *       {@code Window} is uint64), negative ones negative fixint or int8..int64. Floats are always float64.</li>
 *   <li>Maps up to 15 entries are fixmap, then map16/map32; arrays likewise. Empty sets/parents/children are nil.</li>
 * </ul>
 *
 * <h3>JSON</h3>
 * Same field names and order. Times are RFC 3339 strings with nanoseconds, trailing zeros of the fraction
 * trimmed, {@code Z} for UTC ({@link dev.scope.report.codec.GoTime}). The JSON capture in our test resources was
 * re-serialised by Python after editing (1-space indentation, Python float text), so only its fields, values and
 * order are Weave Scope's, not its exact bytes.
 *
 * <h2>Our rules</h2>
 * <ul>
 *   <li><b>Decoding</b> streams (msgpack-core {@code MessageUnpacker}, Jackson {@code JsonParser}) straight into the
 *       model through the same readers ({@code ReportReader}, {@code NodeReader}, {@code TemplateReader}) for
 *       both formats. Unknown fields are skipped. Nil reads as empty or
 *       zero. A node without {@code id} takes the key it is filed under (Weave Scope sends such nodes; our model
 *       keys nodes by id); its {@code topology} stays empty. Samples out of order are sorted; of two at the same
 *       time the greater value stays. Go's zero time and 0 map onto each other; times beyond the range of a long
 *       of nanoseconds are clamped. Extra bytes after the report are ignored, as Go does, but a gzip body is read
 *       to its end so that a cut or corrupt trailer is an error.</li>
 *   <li><b>Backwards compatibility</b> as in Weave Scope's {@code backcompat.go}: a node's {@code latestControls}
 *       (control to {@code {timestamp, value: {dead}}}, sent by probes before 1.2) becomes the
 *       {@code active_controls} latest value: the live control names, sorted, joined by {@code ;}, stamped with
 *       the newest entry's time; {@code counters} and any other unknown field are ignored. The report-level
 *       upgrades Weave Scope's app applies after decoding ({@code Report.Upgrade}: pods' replica-set parents,
 *       namespaces, DNS from endpoint sets) are not done by decoding, which must stay the inverse of encoding;
 *       {@link dev.scope.report.codec.ReportUpgrade#upgrade} does them for the app to call on received reports.</li>
 *   <li><b>Encoding</b> writes exactly the layout above; maps in key order (any order is valid for Go). Re-encoding
 *       the msgpack capture gives the same values with the same msgpack types and the same byte count, except for
 *       the {@code id} we add to nodes that had none. JSON cannot carry NaN or infinity: they are written as
 *       {@code null} (read back as 0), so only msgpack round-trips them; bare {@code NaN}/{@code Infinity}, as
 *       older ugorji versions wrote, are accepted on reading. Whole floats are written with {@code .0}; exponents
 *       only below 1e-6 or from 1e21 ({@code 1e-07}, {@code 1.5e+21}). Go's exact float text differs between
 *       ugorji versions and could not be read off the (re-serialised) JSON capture; any JSON number is valid
 *       input to Go.</li>
 *   <li><b>Limits</b> ({@link dev.scope.report.codec.DecodeLimits}): the decompressed bytes and, separately, the
 *       compressed bytes are counted while streaming and capped at {@code maxBytes}; nesting is capped at
 *       {@code maxDepth}; a string's declared length is checked against {@code maxStringLength} and against the
 *       bytes that can still follow before anything is allocated; declared map and array counts only drive loops,
 *       nothing is pre-allocated from them. Every failure is a {@link dev.scope.report.codec.ReportFormatException}
 *       whose message names the format, the byte or line position and the field being decoded.</li>
 * </ul>
 */
package dev.scope.report.codec;
