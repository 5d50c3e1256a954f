package dev.scope.render;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Differences between two JSON trees, as readable paths. Numbers compare by value (Go writes 1 where
 * Java writes 1.0); object key order never matters; array order matters.
 */
final class JsonTreeDiff {
    private JsonTreeDiff() {
    }

    static List<String> diff(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        diff("$", expected, actual, out);
        return out;
    }

    private static void diff(String path, JsonNode e, JsonNode a, List<String> out) {
        if (out.size() > 40) return;
        if (e == null || a == null) {
            if (e != a) out.add(path + ": expected " + e + " but was " + a);
            return;
        }
        if (e.isNumber() && a.isNumber()) {
            if (Double.compare(e.doubleValue(), a.doubleValue()) != 0) out.add(path + ": expected " + e + " but was " + a);
            return;
        }
        if (e.getNodeType() != a.getNodeType()) {
            out.add(path + ": expected " + abbreviate(e) + " but was " + abbreviate(a));
            return;
        }
        if (e.isObject()) {
            Set<String> names = new TreeSet<>();
            e.fieldNames().forEachRemaining(names::add);
            a.fieldNames().forEachRemaining(names::add);
            for (String name : names) diff(path + "." + name, e.get(name), a.get(name), out);
        } else if (e.isArray()) {
            if (e.size() != a.size()) out.add(path + ": expected " + e.size() + " elements but was " + a.size() + ": " + abbreviate(a));
            Iterator<JsonNode> ei = e.elements(), ai = a.elements();
            int i = 0;
            while (ei.hasNext() && ai.hasNext()) diff(path + "[" + i++ + "]", ei.next(), ai.next(), out);
        } else if (!e.equals(a)) {
            out.add(path + ": expected " + e + " but was " + a);
        }
    }

    private static String abbreviate(JsonNode n) {
        String s = String.valueOf(n);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
