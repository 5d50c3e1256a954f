package dev.scope.service.users;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.scope.service.auth.Authenticator;
import dev.scope.service.auth.ProbePrincipal;
import dev.scope.service.auth.UserPrincipal;
import dev.scope.service.db.Database;
import dev.scope.service.db.PgListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The users component's answers remembered for a few seconds, so a gateway does not ask the database for every
 * report a probe posts (a probe every 3 s is 3,300 lookups a second at 10,000 probes). Answers are keyed by the
 * secret's SHA-256 digest, never the secret. Anything that withdraws an answer (revoked token, logout, removed
 * member, disabled user, deleted organisation) notifies {@value #CHANNEL} from a trigger (migration V2_9), and
 * every gateway forgets everything at once; refusals are kept only {@link #REFUSAL_TTL}, so a new token works at
 * once. While the LISTEN connection is down nothing is cached: answers come straight from the database.
 */
public final class CachedAuthenticator implements Authenticator, AutoCloseable {
    public static final String CHANNEL = "scope_auth_changed";
    static final Duration ANSWER_TTL = Duration.ofSeconds(10);
    static final Duration REFUSAL_TTL = Duration.ofSeconds(2);

    private final Authenticator source;
    private final Cache<String, Optional<?>> answers;
    private final AtomicLong generation = new AtomicLong(); // counts changes announced, to spot answers they overtook
    private final PgListener listener;

    CachedAuthenticator(Authenticator source, PgListener.Connector db, MeterRegistry metrics, Duration answerTtl) {
        this.source = source;
        Duration refusalTtl = answerTtl.compareTo(REFUSAL_TTL) < 0 ? answerTtl : REFUSAL_TTL;
        this.answers = Caffeine.newBuilder().maximumSize(200_000).recordStats()
                .expireAfter(Expiry.creating((String key, Optional<?> answer) -> answer.isPresent() ? answerTtl : refusalTtl))
                .build();
        CaffeineCacheMetrics.monitor(metrics, answers, "scope_auth_answers");
        this.listener = PgListener.start(db, CHANNEL, "scope-auth-listen", new PgListener.Sink() {
            @Override
            public void notified(String table) {
                forgetAll();
            }

            @Override
            public void missed() {
                forgetAll();
            }
        });
    }

    /** The users component's answers from this database, cached. */
    public static CachedAuthenticator over(Database database, MeterRegistry metrics) {
        return new CachedAuthenticator(new UsersAuthenticator(database), PgListener.dedicatedConnection(database), metrics, ANSWER_TTL);
    }

    @Override
    public Optional<ProbePrincipal> probe(String token) {
        if (!Secrets.plausible(token)) return Optional.empty();
        return cached("p" + hex(token), () -> source.probe(token));
    }

    @Override
    public Optional<UserPrincipal> member(String sessionId, String orgExternalId) {
        if (!Secrets.plausible(sessionId) || !ExternalIds.plausible(orgExternalId)) return Optional.empty();
        return cached("m" + hex(sessionId) + "/" + orgExternalId, () -> source.member(sessionId, orgExternalId));
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> cached(String key, Supplier<Optional<T>> ask) {
        Optional<?> known = answers.getIfPresent(key);
        if (known != null) return (Optional<T>) known;
        long before = generation.get();
        Optional<T> answer = ask.get();
        // Not kept when a change was announced while we asked (the answer may predate it), nor while deaf to changes.
        if (listener.listening() && generation.get() == before) answers.put(key, answer);
        return answer;
    }

    private void forgetAll() {
        generation.incrementAndGet();
        answers.invalidateAll();
    }

    private static String hex(String secret) {
        return HexFormat.of().formatHex(Secrets.digest(secret));
    }

    @Override
    public void close() {
        listener.close();
        answers.invalidateAll();
    }
}
