package dev.scope.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MergeTreeTest {
    /** String concatenation is associative but not commutative, so it also checks leaf order. */
    private static MergeTree<String> tree() {
        return new MergeTree<>("", String::concat);
    }

    @Test
    void rootIsTheMergeOfEveryLeafInOrder() {
        MergeTree<String> t = tree();
        for (String s : List.of("a", "b", "c", "d", "e")) t.set(t.allocate(), s);

        assertThat(t.root()).isEqualTo("abcde");
    }

    @Test
    void aChangedLeafRemergesOnlyThePathAboveIt() {
        MergeTree<String> t = tree();
        for (int i = 0; i < 16; i++) t.set(t.allocate(), Integer.toHexString(i));
        assertThat(t.root()).isEqualTo("0123456789abcdef");
        long before = t.merges();

        t.set(5, "X");

        assertThat(t.root()).isEqualTo("01234X6789abcdef");
        assertThat(t.merges() - before).isEqualTo(4); // log2(16) levels
        assertThat(t.root()).isEqualTo("01234X6789abcdef");
        assertThat(t.merges() - before).isEqualTo(4);
    }

    @Test
    void releasedLeavesMergeAsIdentityAndAreReused() {
        MergeTree<String> t = tree();
        int a = t.allocate(), b = t.allocate(), c = t.allocate();
        t.set(a, "a");
        t.set(b, "b");
        t.set(c, "c");
        t.release(b);
        assertThat(t.root()).isEqualTo("ac");
        assertThat(t.leaves()).isEqualTo(2);

        assertThat(t.allocate()).isEqualTo(b);
    }

    @Test
    void agreesWithAFoldUnderRandomChanges() {
        Random random = new Random(7);
        MergeTree<String> t = tree();
        List<Integer> live = new ArrayList<>();
        String[] values = new String[64];
        for (int step = 0; step < 2_000; step++) {
            int op = random.nextInt(3);
            if (op == 0 || live.isEmpty()) {
                if (live.size() < 60) {
                    int leaf = t.allocate();
                    live.add(leaf);
                    values[leaf] = "<" + step + ">";
                    t.set(leaf, values[leaf]);
                }
            } else if (op == 1) {
                int leaf = live.remove(random.nextInt(live.size()));
                t.release(leaf);
                values[leaf] = null;
            } else {
                int leaf = live.get(random.nextInt(live.size()));
                values[leaf] = "[" + step + "]";
                t.set(leaf, values[leaf]);
            }
            if (random.nextInt(4) == 0) {
                StringBuilder fold = new StringBuilder();
                for (String v : values) if (v != null) fold.append(v);
                assertThat(t.root()).isEqualTo(fold.toString());
            }
        }
    }
}
