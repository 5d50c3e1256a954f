package dev.scope.probe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The reporters and taggers a probe runs each spy cycle; modules add theirs at install time. */
public final class ReporterRegistry {
    private final List<Reporter> reporters = new CopyOnWriteArrayList<>();
    private final List<Tagger> taggers = new CopyOnWriteArrayList<>();

    public void add(Reporter reporter) {
        reporters.add(reporter);
    }

    public void add(Tagger tagger) {
        taggers.add(tagger);
    }

    public List<Reporter> reporters() {
        return List.copyOf(reporters);
    }

    public List<Tagger> taggers() {
        return List.copyOf(taggers);
    }
}
