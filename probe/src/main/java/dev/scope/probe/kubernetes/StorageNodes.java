package dev.scope.probe.kubernetes;

import static dev.scope.probe.kubernetes.KubernetesKeys.*;

import dev.scope.report.Node;
import dev.scope.report.TopologyId;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.List;

/** Persistent volumes, claims and storage classes as Weave Scope 1.13 reports them (joined by name in the render). */
final class StorageNodes {
    private StorageNodes() {
    }

    static Node persistentVolume(PersistentVolume pv, String probeId, long ts) {
        Node.Builder b = MetaNodes.builder(pv, nodeId(MetaNodes.uid(pv), PERSISTENT_VOLUME), TopologyId.PERSISTENT_VOLUME.name, ts)
                .putLatest(NODE_TYPE, "Persistent Volume", ts);
        if (pv.getStatus() != null) MetaNodes.put(b, STATUS, pv.getStatus().getPhase(), ts);
        var spec = pv.getSpec();
        if (spec != null) {
            MetaNodes.put(b, STORAGE_CLASS_NAME, spec.getStorageClassName(), ts);
            MetaNodes.put(b, ACCESS_MODES, first(spec.getAccessModes()), ts);
            if (spec.getClaimRef() != null && "PersistentVolumeClaim".equals(spec.getClaimRef().getKind())) {
                MetaNodes.put(b, VOLUME_CLAIM, spec.getClaimRef().getName(), ts);
            }
            if (spec.getCsi() != null) MetaNodes.put(b, STORAGE_DRIVER, spec.getCsi().getDriver(), ts);
        }
        return MetaNodes.controls(b, probeId, ts, List.of(DESCRIBE)).build();
    }

    static Node persistentVolumeClaim(PersistentVolumeClaim pvc, String probeId, long ts) {
        Node.Builder b = MetaNodes.builder(pvc, nodeId(MetaNodes.uid(pvc), PERSISTENT_VOLUME_CLAIM), TopologyId.PERSISTENT_VOLUME_CLAIM.name, ts)
                .putLatest(NODE_TYPE, "Persistent Volume Claim", ts);
        if (pvc.getStatus() != null) {
            MetaNodes.put(b, STATUS, pvc.getStatus().getPhase(), ts);
            Quantity capacity = pvc.getStatus().getCapacity() == null ? null : pvc.getStatus().getCapacity().get("storage");
            if (capacity != null) MetaNodes.put(b, VOLUME_CAPACITY, capacity.toString(), ts);
        }
        if (pvc.getSpec() != null) {
            MetaNodes.put(b, VOLUME_NAME, pvc.getSpec().getVolumeName(), ts);
            MetaNodes.put(b, STORAGE_CLASS_NAME, pvc.getSpec().getStorageClassName(), ts);
            MetaNodes.put(b, ACCESS_MODES, first(pvc.getSpec().getAccessModes()), ts);
        }
        return MetaNodes.controls(b, probeId, ts, List.of(DESCRIBE)).build();
    }

    static Node storageClass(StorageClass sc, String probeId, long ts) {
        Node.Builder b = MetaNodes.builder(sc, nodeId(MetaNodes.uid(sc), STORAGE_CLASS), TopologyId.STORAGE_CLASS.name, ts)
                .putLatest(NODE_TYPE, "Storage Class", ts);
        MetaNodes.put(b, PROVISIONER, sc.getProvisioner(), ts);
        return MetaNodes.controls(b, probeId, ts, List.of(DESCRIBE)).build();
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
