package dev.scope.probe.kubernetes;

import static dev.scope.probe.kubernetes.KubernetesKeys.*;

import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import dev.scope.report.TopologyId;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A pod's parents as Weave Scope 1.13 finds them: every service, deployment, daemon set, stateful set and cron job
 * (through its active jobs) of the pod's namespace whose selector matches the pod's labels. Jobs are matched the
 * same way (Weave Scope 1.13 reported a Job topology). Selectors are grouped by namespace once per report, so a pod
 * is only compared with its own namespace's.
 */
final class PodParents {
    private record Selecting(String namespace, String topology, String nodeId, Predicate<Map<String, String>> matches) {
    }

    private final Map<String, List<Selecting>> byNamespace = new HashMap<>();

    PodParents(ClusterState state) {
        state.services().forEach(s -> add(s, TopologyId.SERVICE, SERVICE,
                labels -> LabelSelectors.matchesService(s.getSpec() == null ? null : s.getSpec().getSelector(), labels)));
        state.deployments().forEach(d -> add(d, TopologyId.DEPLOYMENT, DEPLOYMENT,
                selector(d.getSpec() == null ? null : d.getSpec().getSelector())));
        state.daemonSets().forEach(d -> add(d, TopologyId.DAEMON_SET, DAEMON_SET,
                selector(d.getSpec() == null ? null : d.getSpec().getSelector())));
        state.statefulSets().forEach(s -> add(s, TopologyId.STATEFUL_SET, STATEFUL_SET,
                selector(s.getSpec() == null ? null : s.getSpec().getSelector())));
        state.jobs().forEach(j -> add(j, TopologyId.JOB, JOB, selector(jobSelector(j))));
        for (CronJob c : state.cronJobs()) {
            for (Job j : activeJobs(c, state.jobs())) add(c, TopologyId.CRON_JOB, CRON_JOB, selector(jobSelector(j)));
        }
    }

    StringMap<StringSet> of(Pod pod) {
        List<Selecting> candidates = byNamespace.get(pod.getMetadata().getNamespace());
        if (candidates == null) return StringMap.empty();
        Map<String, String> labels = pod.getMetadata().getLabels();
        Map<String, TreeSet<String>> found = new TreeMap<>();
        for (Selecting s : candidates) {
            if (s.matches().test(labels)) found.computeIfAbsent(s.topology(), k -> new TreeSet<>()).add(s.nodeId());
        }
        StringMap.Builder<StringSet> b = new StringMap.Builder<>();
        found.forEach((topology, ids) -> b.put(topology, StringSet.of(ids)));
        return b.build();
    }

    /** The jobs a cron job has running now, from its status (Weave Scope's {@code NewCronJob}). */
    static List<Job> activeJobs(CronJob c, List<Job> jobs) {
        List<Job> mine = new ArrayList<>();
        if (c.getStatus() == null || c.getStatus().getActive() == null) return mine;
        for (ObjectReference ref : c.getStatus().getActive()) {
            for (Job j : jobs) {
                if (ref.getUid() != null && ref.getUid().equals(j.getMetadata().getUid())) mine.add(j);
            }
        }
        return mine;
    }

    private static LabelSelector jobSelector(Job j) {
        return j.getSpec() == null ? null : j.getSpec().getSelector();
    }

    private static Predicate<Map<String, String>> selector(LabelSelector selector) {
        return labels -> LabelSelectors.matches(selector, labels);
    }

    private void add(HasMetadata object, TopologyId topology, String tag, Predicate<Map<String, String>> matches) {
        String namespace = object.getMetadata().getNamespace();
        byNamespace.computeIfAbsent(namespace, k -> new ArrayList<>())
                .add(new Selecting(namespace, topology.name, nodeId(object.getMetadata().getUid(), tag), matches));
    }
}
