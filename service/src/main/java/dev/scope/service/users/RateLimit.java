package dev.scope.service.users;

import java.time.Duration;

/** At most {@code perAddress} attempts per e-mail address and {@code perIp} per client IP in each window. */
public record RateLimit(int perAddress, int perIp, Duration window) {
    public RateLimit {
        if (perAddress < 1 || perIp < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rate limits need positive counts and window");
        }
    }
}
