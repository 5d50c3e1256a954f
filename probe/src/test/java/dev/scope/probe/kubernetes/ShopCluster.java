package dev.scope.probe.kubernetes;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * A small shop in the mock API server: a web deployment (two pods on two nodes) behind a service with a claim, a
 * log-shipper daemon set, a database stateful set, a nightly cron job with a running job, storage and two nodes.
 * Objects get uids from the mock server; the test reads them back.
 */
final class ShopCluster {
    static final String NS = "shop";

    private ShopCluster() {
    }

    static void create(KubernetesClient client) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
        for (String node : new String[] {"node-1", "node-2"}) {
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName(node).endMetadata().withNewSpec().endSpec().build()).create();
        }
        Deployment web = client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder()
                .withNewMetadata().withName("web").withLabels(Map.of("tier", "front")).endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector()
                .withNewStrategy().withType("RollingUpdate").endStrategy()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "web")).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx").endContainer().endSpec().endTemplate()
                .endSpec().build()).create();
        client.apps().replicaSets().inNamespace(NS).resource(new ReplicaSetBuilder()
                .withNewMetadata().withName("web-5d8f").addNewOwnerReference().withKind("Deployment").withName("web")
                .withUid(web.getMetadata().getUid()).withApiVersion("apps/v1").endOwnerReference().endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector().endSpec()
                .build()).create();
        client.pods().inNamespace(NS).resource(pod("web-1", "node-1", Map.of("app", "web"), "10.32.0.5", "data")).create();
        client.pods().inNamespace(NS).resource(pod("web-2", "node-2", Map.of("app", "web"), "10.32.1.5", null)).create();
        client.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withClusterIP("10.96.0.10").withType("ClusterIP").withSelector(Map.of("app", "web"))
                .addNewPort().withPort(80).withProtocol("TCP").endPort().endSpec().build()).create();
        client.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("db").endMetadata()
                .withNewSpec().withClusterIP("10.96.3.7").withType("NodePort").withSelector(Map.of("app", "db"))
                .addNewPort().withPort(5432).withNodePort(30432).withProtocol("TCP").endPort().endSpec().build()).create();
        client.apps().daemonSets().inNamespace(NS).resource(new DaemonSetBuilder().withNewMetadata().withName("logs").endMetadata()
                .withNewSpec().withNewSelector().withMatchLabels(Map.of("app", "logs")).endSelector().endSpec()
                .withNewStatus().withDesiredNumberScheduled(2).withCurrentNumberScheduled(2).withNumberMisscheduled(0)
                .withNumberReady(2).endStatus().build()).create();
        client.pods().inNamespace(NS).resource(pod("logs-a", "node-1", Map.of("app", "logs"), "10.32.0.6", null)).create();
        client.apps().statefulSets().inNamespace(NS).resource(new StatefulSetBuilder().withNewMetadata().withName("db").endMetadata()
                .withNewSpec().withReplicas(1).withServiceName("db").withNewSelector().addNewMatchExpression()
                .withKey("app").withOperator("In").withValues("db").endMatchExpression().endSelector().endSpec().build()).create();
        client.pods().inNamespace(NS).resource(pod("db-0", "node-1", Map.of("app", "db"), "10.32.0.7", null)).create();
        Job job = client.batch().v1().jobs().inNamespace(NS).resource(new JobBuilder().withNewMetadata().withName("nightly-1").endMetadata()
                .withNewSpec().withNewSelector().withMatchLabels(Map.of("job-name", "nightly-1")).endSelector().endSpec().build()).create();
        client.batch().v1().cronjobs().inNamespace(NS).resource(new CronJobBuilder().withNewMetadata().withName("nightly").endMetadata()
                .withNewSpec().withSchedule("0 3 * * *").withSuspend(false).endSpec()
                .withNewStatus().addNewActive().withKind("Job").withName("nightly-1").withUid(job.getMetadata().getUid()).endActive()
                .withLastScheduleTime("2026-11-23T03:00:00Z").endStatus().build()).create();
        client.pods().inNamespace(NS).resource(pod("nightly-1-x", "node-1", Map.of("job-name", "nightly-1"), "10.32.0.8", null)).create();
        client.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata().withName("fast").endMetadata()
                .withProvisioner("kubernetes.io/no-provisioner").build()).create();
        client.persistentVolumes().resource(new PersistentVolumeBuilder().withNewMetadata().withName("pv-data").endMetadata()
                .withNewSpec().withStorageClassName("fast").withAccessModes("ReadWriteOnce")
                .withCapacity(Map.of("storage", new Quantity("1Gi"))).withNewClaimRef().withKind("PersistentVolumeClaim")
                .withName("data").withNamespace(NS).endClaimRef().endSpec().withNewStatus().withPhase("Bound").endStatus().build()).create();
        client.persistentVolumeClaims().inNamespace(NS).resource(new PersistentVolumeClaimBuilder().withNewMetadata().withName("data").endMetadata()
                .withNewSpec().withVolumeName("pv-data").withStorageClassName("fast").withAccessModes("ReadWriteOnce").endSpec()
                .withNewStatus().withPhase("Bound").withCapacity(Map.of("storage", new Quantity("1Gi"))).endStatus().build()).create();
    }

    static Pod pod(String name, String node, Map<String, String> labels, String ip, String claim) {
        PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withNamespace(NS).withLabels(labels).endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName(name.split("-")[0]).withImage("busybox").endContainer().endSpec()
                .withNewStatus().withPhase("Running").withPodIP(ip).addNewContainerStatus().withName(name.split("-")[0]).withRestartCount(1)
                .endContainerStatus().endStatus();
        if (claim != null) {
            b.editSpec().addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName(claim).endPersistentVolumeClaim()
                    .endVolume().endSpec();
        }
        return b.build();
    }
}
