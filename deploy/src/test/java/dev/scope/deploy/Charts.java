package dev.scope.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Helm charts in deploy/helm, rendered by real Helm (helm-java: Helm compiled into a native library) exactly as
 * {@code helm template} would, and the plain manifests committed next to the other Kubernetes files, which are
 * nothing but a chart's output with its defaults.
 */
final class Charts {
    static final Path SERVICE = KubernetesManifestsTest.DEPLOY.resolve("helm/scope-service");
    static final Path PROBE = KubernetesManifestsTest.DEPLOY.resolve("helm/scope-probe");
    static final String SERVICE_NAMESPACE = "scope-service";
    static final String PROBE_NAMESPACE = "scope";
    static final String REGENERATE = "./mvnw -B -q -o -pl deploy test -Dtest=HelmChartsTest -Dregenerate=true";

    /**
     * A committed plain manifest: a chart rendered with its default values and {@code sets}, under a header saying so.
     * The service's also holds its Namespace (labelled for the restricted Pod Security Standard): without Helm,
     * nothing else creates it.
     */
    record Plain(Path chart, String release, String namespace, Map<String, String> sets, Path file, String usage) {
        String render() {
            return "# Rendered from deploy/" + KubernetesManifestsTest.DEPLOY.relativize(chart) + " with its default values"
                    + sets.entrySet().stream().map(e -> " --set " + e.getKey() + "=" + e.getValue()).sorted().reduce("", String::concat)
                    + " (release " + release + ", namespace " + namespace + ")"
                    + ".\n# Do not edit: change the chart, then " + REGENERATE + "\n"
                    + usage.lines().map(l -> "# " + l + "\n").reduce("", String::concat)
                    + template(chart, release, namespace, null, sets);
        }
    }

    static final List<Plain> PLAIN = List.of(
            new Plain(SERVICE, "scope-service", SERVICE_NAMESPACE, Map.of("namespace.create", "true"),
                    KubernetesManifestsTest.DEPLOY.resolve("kubernetes/service/scope-service.yaml"), """
                    Scope as a Service without Helm: download, replace the example values (example.com, the database URL), then
                      kubectl apply -f scope-service.yaml   (creates the namespace scope-service)
                      kubectl -n scope-service create secret generic scope-db --from-literal=username=scope --from-literal=password=...
                    """),
            new Plain(PROBE, "scope", PROBE_NAMESPACE, Map.of(),
                    KubernetesManifestsTest.DEPLOY.resolve("kubernetes/probe-for-service/scope-probe.yaml"), """
                    Probes of one of your clusters reporting to Scope as a Service, without Helm:
                      kubectl create namespace scope
                      kubectl -n scope create secret generic scope-token --from-literal=token=<your organisation's probe token>
                      kubectl apply -f scope-probe.yaml      (change https://scope.example.com to your service's address)
                    """));

    private Charts() {
    }

    /** {@code helm template RELEASE CHART -n NAMESPACE [-f VALUES] [--set K=V ...]}; a Helm error is thrown. */
    static String template(Path chart, String release, String namespace, Path values, Map<String, String> sets) {
        TemplateCommand command = new Helm(chart).template().withName(release).withNamespace(namespace);
        if (values != null) command = command.withValuesFile(values);
        for (var set : sets.entrySet()) command = command.set(set.getKey(), set.getValue());
        return command.call();
    }

    /** The chart's appVersion (its Chart.yaml). */
    static String appVersion(Path chart) {
        try {
            return Manifests.YAML.readTree(Files.readString(chart.resolve("Chart.yaml"))).path("appVersion").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String service(Path values, Map<String, String> sets) {
        return template(SERVICE, "scope-service", SERVICE_NAMESPACE, values, sets);
    }

    static String probe(Path values, Map<String, String> sets) {
        return template(PROBE, "scope", PROBE_NAMESPACE, values, sets);
    }
}
