package dev.scope.report.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;

/** Jackson factories configured with our decode limits; the one for the default limits is shared. */
final class JsonFactories {
    private static final DecodeLimits DEFAULT_LIMITS = DecodeLimits.defaults();
    private static final JsonFactory DEFAULT = create(DEFAULT_LIMITS);

    private JsonFactories() {
    }

    static JsonFactory forLimits(DecodeLimits limits) {
        return limits.equals(DEFAULT_LIMITS) ? DEFAULT : create(limits);
    }

    /** Also used for writing. Neither reading nor writing closes the caller's stream. */
    static JsonFactory writing() {
        return DEFAULT;
    }

    private static JsonFactory create(DecodeLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxStringLength())
                .maxDocumentLength(limits.maxBytes())
                .build();
        return JsonFactory.builder()
                .streamReadConstraints(constraints)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                // Some ugorji versions wrote NaN and Inf as bare words; read them rather than drop the report.
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
    }
}
