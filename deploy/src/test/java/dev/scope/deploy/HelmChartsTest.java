package dev.scope.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Helm charts as Helm sees them: lint, required values, the chart's version, and the plain manifests committed
 * for people without Helm being exactly the charts' output. What the rendered objects must hold is in
 * {@link KubernetesManifestsTest}.
 */
class HelmChartsTest {

    @Test
    void realHelmRendersTheCharts() {
        assertThat(Helm.version().call()).startsWith("v3.");
    }

    @Test
    void chartsLintCleanEvenStrictly() {
        for (Path chart : new Path[] {Charts.SERVICE, Charts.PROBE}) {
            LintResult lint = new Helm(chart).lint().strict().call();
            assertThat(lint.isFailed()).as(chart + ": " + lint.getMessages()).isFalse();
            assertThat(lint.getMessages()).as(chart.toString()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
        }
    }

    @Test
    void chartsFollowTheProjectVersion() {
        String version = System.getProperty("scope.version");
        assertThat(version).as("surefire passes scope.version").isNotBlank();
        assertThat(Charts.appVersion(Charts.SERVICE)).isEqualTo(version);
        assertThat(Charts.appVersion(Charts.PROBE)).isEqualTo(version);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            image.repository             | ''   | image.repository is required
            namePrefix                   | ''   | namePrefix is required
            database.url                 | ''   | database.url is required (the JDBC URL of the PostgreSQL database)
            database.secretName          | ''   | database.secretName is required (a secret with the keys username and password)
            publicUrl                    | ''   | publicUrl is required (the address users reach the gateway at)
            smtp.host                    | ''   | smtp.host is required (sign-up sends login links by e-mail)
            monitoring.namespace         | ''   | monitoring.namespace is required
            components.query.port        | null | components.query.port is required
            components.pipe.memoryLimit  | null | components.pipe.memoryLimit is required
            components.users.replicas    | 9    | components.users.replicas (9) is more than components.users.maxReplicas (4)
            gateway.serviceType          | Ingress | gateway.serviceType must be ClusterIP, NodePort or LoadBalancer, not Ingress
            """)
    void serviceChartRefusesAMissingOrWrongValueSayingWhich(String key, String value, String message) {
        assertThatThrownBy(() -> Charts.service(null, Map.of(key, value))).hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            serviceUrl        | '' | serviceUrl is required (the address of Scope as a Service
            tokenSecret.name  | '' | tokenSecret.name is required (the secret holding the probe token)
            image.repository  | '' | image.repository is required
            """)
    void probeChartRefusesAMissingValueSayingWhich(String key, String value, String message) {
        assertThatThrownBy(() -> Charts.probe(null, Map.of(key, value))).hasMessageContaining(message);
    }

    /**
     * The plain manifests are the charts' output, never edited by hand. With -Dregenerate=true this writes them instead
     * of comparing: {@value Charts#REGENERATE}.
     */
    @Test
    void committedPlainManifestsAreTheChartsOutput() throws Exception {
        boolean regenerate = Boolean.getBoolean("regenerate");
        for (Charts.Plain plain : Charts.PLAIN) {
            String rendered = plain.render();
            Manifests.parse(rendered); // strictly valid before it is written or compared
            if (regenerate) {
                Files.writeString(plain.file(), rendered);
            } else {
                assertThat(plain.file()).as("%s is missing: run %s", plain.file(), Charts.REGENERATE).exists();
                assertThat(Files.readString(plain.file()))
                        .as("%s differs from the output of %s: change the chart, not the file, and regenerate it with %s",
                                plain.file(), plain.chart(), Charts.REGENERATE)
                        .isEqualTo(rendered);
            }
        }
    }
}
