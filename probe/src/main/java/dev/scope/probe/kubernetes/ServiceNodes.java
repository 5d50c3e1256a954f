package dev.scope.probe.kubernetes;

import static dev.scope.probe.kubernetes.KubernetesKeys.*;

import dev.scope.report.Node;
import dev.scope.report.TopologyId;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.List;

/** Service and namespace nodes as Weave Scope 1.13 reports them. */
final class ServiceNodes {
    private ServiceNodes() {
    }

    static Node service(Service s, String probeId, long ts) {
        Node.Builder b = MetaNodes.builder(s, nodeId(MetaNodes.uid(s), SERVICE), TopologyId.SERVICE.name, ts);
        if (s.getSpec() != null) {
            MetaNodes.put(b, IP, s.getSpec().getClusterIP(), ts);
            MetaNodes.put(b, TYPE, s.getSpec().getType(), ts);
            MetaNodes.put(b, PUBLIC_IP, s.getSpec().getLoadBalancerIP(), ts);
            String ports = ports(s.getSpec().getPorts());
            MetaNodes.put(b, PORTS, ports, ts);
        }
        return MetaNodes.controls(b, probeId, ts, List.of(DESCRIBE)).build();
    }

    /** {@code 80/TCP} or {@code 80:30080/TCP} with a node port, comma-separated, as Weave Scope shows them. */
    static String ports(List<ServicePort> ports) {
        if (ports == null || ports.isEmpty()) return null;
        List<String> out = new ArrayList<>();
        for (ServicePort p : ports) {
            String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            Integer nodePort = p.getNodePort();
            out.add(nodePort == null || nodePort == 0 ? p.getPort() + "/" + protocol : p.getPort() + ":" + nodePort + "/" + protocol);
        }
        return String.join(",", out);
    }

    /** Namespaces are named by name, not uid: {@code <name>;<namespace>}. */
    static Node namespace(Namespace ns, long ts) {
        return MetaNodes.builder(ns, nodeId(ns.getMetadata().getName(), NAMESPACE_TAG), TopologyId.NAMESPACE.name, ts).build();
    }
}
