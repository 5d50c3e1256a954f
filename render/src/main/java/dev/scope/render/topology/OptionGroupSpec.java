package dev.scope.render.topology;

import dev.scope.render.TopologyList;
import dev.scope.render.graph.RNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A topology option (query parameter) and the filter each value selects. {@code selectType} "union"
 * takes a comma-separated list of values and keeps nodes matching any of them.
 */
public record OptionGroupSpec(String id, String defaultValue, List<OptionSpec> options, String selectType, String noneLabel) {

    /**
     * @param filter       null to keep everything
     * @param filterPseudo whether the filter applies to pseudo nodes too (else they always pass)
     */
    public record OptionSpec(String value, String label, Predicate<RNode> filter, boolean filterPseudo) {
    }

    public static OptionGroupSpec one(String id, String defaultValue, OptionSpec... options) {
        return new OptionGroupSpec(id, defaultValue, List.of(options), "", "");
    }

    /** The filter for {@code value}, or null when it selects nothing to filter. */
    public Predicate<RNode> filterFor(String value) {
        List<String> values = "union".equals(selectType) ? List.of(value.split(",", -1)) : List.of(value);
        List<Predicate<RNode>> matching = new ArrayList<>();
        for (OptionSpec option : options) {
            if (!values.contains(option.value())) continue;
            if (option.filter() == null) matching.add(n -> true);
            else if (option.filterPseudo()) matching.add(option.filter());
            else {
                Predicate<RNode> f = option.filter();
                matching.add(n -> n.isPseudo() || f.test(n));
            }
        }
        if (matching.isEmpty()) return null;
        return n -> {
            for (Predicate<RNode> p : matching) if (p.test(n)) return true;
            return false;
        };
    }

    public TopologyList.OptionGroup toView() {
        List<TopologyList.Option> views = new ArrayList<>();
        for (OptionSpec o : options) views.add(new TopologyList.Option(o.value(), o.label()));
        return new TopologyList.OptionGroup(id, defaultValue, views, selectType, noneLabel);
    }
}
