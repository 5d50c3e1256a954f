package dev.scope.report.laws;

import java.util.function.BinaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The algebraic laws a merge must obey so that an app's view does not depend on the order, grouping
 * or repetition of the reports it receives. Each check names the law in its failure message.
 */
public final class MergeLaws {
    private MergeLaws() {
    }

    public static <T> void commutative(T a, T b, BinaryOperator<T> merge) {
        assertThat(merge.apply(a, b)).as("commutative: a+b == b+a").isEqualTo(merge.apply(b, a));
    }

    public static <T> void associative(T a, T b, T c, BinaryOperator<T> merge) {
        assertThat(merge.apply(merge.apply(a, b), c)).as("associative: (a+b)+c == a+(b+c)")
                .isEqualTo(merge.apply(a, merge.apply(b, c)));
    }

    public static <T> void idempotent(T a, BinaryOperator<T> merge) {
        assertThat(merge.apply(a, a)).as("idempotent: a+a == a").isEqualTo(a);
    }

    public static <T> void identity(T a, T empty, BinaryOperator<T> merge) {
        assertThat(merge.apply(a, empty)).as("identity: a+empty == a").isEqualTo(a);
        assertThat(merge.apply(empty, a)).as("identity: empty+a == a").isEqualTo(a);
    }
}
