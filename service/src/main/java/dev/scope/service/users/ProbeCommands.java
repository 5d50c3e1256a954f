package dev.scope.service.users;

import java.net.URI;

/** The exact commands that connect a probe to an organisation, given its token. */
record ProbeCommands(String launch, String probeOnly, String docker, String kubernetes) {

    static ProbeCommands of(String publicUrl, String image, String token) {
        String target = target(publicUrl);
        String launch = "scope launch --service-token=" + token + " " + target;
        String probe = "scope probe --service-token=" + token + " " + target;
        String docker = "docker run -d --name scope-probe --restart=always --privileged --net=host --pid=host \\\n"
                + "  -v /var/run/docker.sock:/var/run/docker.sock \\\n"
                + "  " + image + " scope probe --service-token=" + token + " " + target;
        String kubernetes = """
                kubectl create namespace scope
                kubectl -n scope create secret generic scope-probe-token --from-literal=token=%s
                kubectl -n scope apply -f - <<'EOF'
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: scope-probe}
                spec:
                  selector: {matchLabels: {app: scope-probe}}
                  template:
                    metadata: {labels: {app: scope-probe}}
                    spec:
                      hostNetwork: true
                      hostPID: true
                      containers:
                      - name: probe
                        image: %s
                        args: [scope, probe, "%s"]
                        env:
                        - name: SCOPE_PROBE_TOKEN
                          valueFrom: {secretKeyRef: {name: scope-probe-token, key: token}}
                        securityContext: {privileged: true}
                        volumeMounts: [{name: docker-socket, mountPath: /var/run/docker.sock}]
                      volumes: [{name: docker-socket, hostPath: {path: /var/run/docker.sock}}]
                EOF""".formatted(token, image, target);
        return new ProbeCommands(launch, probe, docker, kubernetes);
    }

    /** The service as a probe target, with an explicit port (a bare host means port 4040 to the probe). */
    static String target(String publicUrl) {
        URI uri = URI.create(publicUrl);
        boolean tls = "https".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        return uri.getScheme() + "://" + uri.getHost() + ":" + port;
    }
}
