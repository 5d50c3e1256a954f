package dev.scope.probe.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Not a test: prints what one Kubernetes report costs for a synthetic cluster (pods, deployments and services spread
 * over namespaces), for the notes. Run with the test classpath:
 * {@code java -cp probe/target/test-classes:probe/target/classes:<deps> dev.scope.probe.kubernetes.KubernetesReportCost 5000}
 */
public final class KubernetesReportCost {
    private KubernetesReportCost() {
    }

    public static void main(String[] args) {
        int pods = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int namespaces = Math.max(1, pods / 100);
        List<Pod> podList = new ArrayList<>();
        List<Deployment> deployments = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        for (int ns = 0; ns < namespaces; ns++) {
            String namespace = "ns-" + ns;
            for (int app = 0; app < 10; app++) {
                String name = "app-" + app;
                deployments.add(new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(namespace).withUid(namespace + "-d-" + app).endMetadata()
                        .withNewSpec().withReplicas(10).withNewSelector().withMatchLabels(Map.of("app", name)).endSelector().endSpec().build());
                services.add(new ServiceBuilder().withNewMetadata().withName(name).withNamespace(namespace).withUid(namespace + "-s-" + app).endMetadata()
                        .withNewSpec().withClusterIP("10.96." + ns % 256 + "." + app).withSelector(Map.of("app", name)).endSpec().build());
                for (int i = 0; i < 10 && podList.size() < pods; i++) {
                    Pod p = ShopCluster.pod(name + "-" + i, "node-" + i % 3, Map.of("app", name, "pod-template-hash", "abc"), "10.32.0." + i, null);
                    p.getMetadata().setNamespace(namespace);
                    p.getMetadata().setUid(namespace + "-" + name + "-" + i);
                    podList.add(p);
                }
            }
        }
        ClusterState state = new ClusterState(podList, services, deployments, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        KubernetesReporter all = new KubernetesReporter(new KubernetesConfig(KubernetesConfig.Role.ALL, null, "p", "h"), () -> state, () -> 0, true);
        for (int i = 0; i < 50; i++) all.report(state, i); // warm up
        int runs = 100;
        long start = System.nanoTime();
        int nodes = 0;
        for (int i = 0; i < runs; i++) nodes = all.report(state, i).nodeCount();
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        start = System.nanoTime();
        for (int i = 0; i < runs; i++) all.report();
        double unchangedMs = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("%d pods, %d deployments, %d services in %d namespaces: %d nodes, %.2f ms per report, %.3f ms while unchanged%n",
                podList.size(), deployments.size(), services.size(), namespaces, nodes, ms, unchangedMs);
    }
}
