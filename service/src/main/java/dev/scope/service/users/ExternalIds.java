package dev.scope.service.users;

import java.security.SecureRandom;
import java.util.List;

/**
 * Human-readable organisation ids such as {@code autumn-waterfall-99}: an adjective, a noun and two digits. About
 * 64 × 64 × 90 ≈ 370 000 ids; a clash is retried by the caller (the column is unique). They are names, not
 * secrets: access is decided by membership, never by knowing the id.
 */
final class ExternalIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> ADJECTIVES = List.of(
            "autumn", "hidden", "bitter", "misty", "silent", "empty", "dry", "dark", "summer", "icy", "delicate",
            "quiet", "white", "cool", "spring", "winter", "patient", "twilight", "dawn", "crimson", "wispy",
            "weathered", "blue", "billowing", "broken", "cold", "damp", "falling", "frosty", "green", "long",
            "late", "lingering", "bold", "little", "morning", "muddy", "old", "red", "rough", "still", "small",
            "sparkling", "shy", "wandering", "withered", "wild", "black", "young", "holy", "solitary", "fragrant",
            "aged", "snowy", "proud", "floral", "restless", "divine", "polished", "ancient", "purple", "lively",
            "nameless", "gentle");
    private static final List<String> NOUNS = List.of(
            "waterfall", "river", "breeze", "moon", "rain", "wind", "sea", "morning", "snow", "lake", "sunset",
            "pine", "shadow", "leaf", "dawn", "glitter", "forest", "hill", "cloud", "meadow", "sun", "glade",
            "bird", "brook", "butterfly", "bush", "dew", "dust", "field", "fire", "flower", "firefly", "feather",
            "grass", "haze", "mountain", "night", "pond", "darkness", "snowflake", "silence", "sound", "sky",
            "shape", "surf", "thunder", "violet", "water", "wildflower", "wave", "resonance", "wood", "dream",
            "cherry", "tree", "fog", "frost", "voice", "paper", "frog", "smoke", "star", "harbor", "island");

    private ExternalIds() {
    }

    static String next() {
        return ADJECTIVES.get(RANDOM.nextInt(ADJECTIVES.size())) + "-" + NOUNS.get(RANDOM.nextInt(NOUNS.size()))
                + "-" + (10 + RANDOM.nextInt(90));
    }

    /** The shape {@link #next} makes; anything else is not an organisation id and is never looked up. */
    static boolean plausible(String id) {
        return id != null && id.length() <= 64 && id.matches("[a-z]+-[a-z]+-[0-9]{2}");
    }
}
