package dev.scope.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Compose file, systemd unit, probes for the service, Grafana dashboard and Prometheus alert rules. */
class OperationsFilesTest {
    private static final Path DEPLOY = KubernetesManifestsTest.DEPLOY;
    private static final Set<String> REGISTERED = MetricNames.registered(DEPLOY.resolve(".."));

    @Test
    void composeRunsTheProbeAndAppLikeScopeLaunchContainer() throws Exception {
        JsonNode compose = Manifests.YAML.readTree(Files.readString(DEPLOY.resolve("compose/docker-compose.yml")));
        JsonNode scope = compose.path("services").path("scope");
        Set<String> known = Set.of("image", "command", "environment", "privileged", "pid", "network_mode", "init",
                "restart", "volumes", "labels", "healthcheck");
        scope.propertyNames().forEach(k -> assertThat(known).as("compose key").contains(k));
        assertThat(scope.path("pid").asString()).isEqualTo("host");
        assertThat(scope.path("network_mode").asString()).isEqualTo("host");
        assertThat(scope.path("privileged").asBoolean()).isTrue();
        assertThat(scope.path("volumes").toString()).contains("/var/run/docker.sock:/var/run/docker.sock");
        List<String> command = new ArrayList<>();
        scope.path("command").forEach(a -> command.add(composeDefaults(a.asString())));
        assertThat(ScopeCli.command(command)).isEqualTo("launch");
    }

    @Test
    void serviceComposeRunsEveryComponentInOneProcess() throws Exception {
        JsonNode scope = Manifests.YAML.readTree(Files.readString(DEPLOY.resolve("compose/service-all.yml"))).path("services").path("scope");
        Set<String> known = Set.of("image", "command", "environment", "ports", "init", "restart", "read_only", "tmpfs", "healthcheck");
        scope.propertyNames().forEach(k -> assertThat(known).as("compose key").contains(k));
        List<String> command = new ArrayList<>();
        scope.path("command").forEach(a -> command.add(a.asString()));
        assertThat(command).startsWith("service", "all");
        if (ScopeCli.hasCommand("service")) assertThat(ScopeCli.command(command)).isEqualTo("all");
        assertThat(scope.path("environment").propertyNames()).contains("SCOPE_DB_URL", "SCOPE_DB_USER", "SCOPE_DB_PASSWORD");
    }

    @Test
    void systemdUnitRunsARealCommand() throws Exception {
        Map<String, Map<String, String>> unit = ini(Files.readString(DEPLOY.resolve("systemd/scope.service")));
        assertThat(unit).containsKeys("Unit", "Service", "Install");
        assertThat(unit.get("Install")).containsEntry("WantedBy", "multi-user.target");
        List<String> exec = List.of(unit.get("Service").get("ExecStart").split("\\s+"));
        int jar = exec.indexOf("/opt/scope/scope.jar");
        assertThat(jar).isPositive();
        List<String> args = exec.subList(jar + 1, exec.size()).stream().filter(a -> !a.startsWith("$")).toList();
        assertThat(ScopeCli.command(args)).isEqualTo("launch");
    }

    @Test
    void probesForTheServiceParseAndReportToIt() throws Exception {
        List<HasMetadata> objects = Manifests.parse(Files.readString(DEPLOY.resolve("kubernetes/probe-for-service/scope-probe.yaml")));
        assertThat(KubernetesManifestsTest.ofType(objects, Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactly("scope-cluster-agent");
        Container probe = KubernetesManifestsTest.find(objects, DaemonSet.class, "scope-probe")
                .getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(ScopeCli.command(probe.getArgs())).isEqualTo("probe");
        assertThat(probe.getArgs().getLast()).startsWith("https://");
    }

    @Test
    void alertRulesAreWellFormedAndNameExportedMetrics() throws Exception {
        JsonNode rules = Manifests.YAML.readTree(Files.readString(DEPLOY.resolve("monitoring/scope-alerts.yaml")));
        Set<String> alerts = new HashSet<>();
        assertThat(rules.path("groups").size()).isPositive();
        for (JsonNode group : rules.path("groups")) {
            assertThat(group.path("name").asString()).isNotBlank();
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asString();
                assertThat(alerts.add(name)).as("unique alert " + name).isTrue();
                assertThat(rule.path("for").asString()).matches("\\d+[smh]");
                assertThat(rule.path("labels").path("severity").asString()).isIn("warning", "critical");
                assertThat(rule.path("annotations").path("summary").asString()).isNotBlank();
                checkExpression(name, rule.path("expr").asString());
            }
        }
        assertThat(alerts).contains("ScopeTargetDown", "ScopeQueryLatencyHigh", "ScopeProbePublishFailing");
    }

    @Test
    void dashboardIsWellFormedAndNamesExportedMetrics() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DEPLOY.resolve("monitoring/scope-dashboard.json")));
        assertThat(dashboard.path("uid").asString()).isNotBlank();
        assertThat(dashboard.path("templating").path("list").get(0).path("type").asString()).isEqualTo("datasource");
        Set<Integer> ids = new HashSet<>();
        int queries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("unique panel id").isTrue();
            JsonNode pos = panel.path("gridPos");
            assertThat(pos.path("x").asInt() + pos.path("w").asInt()).isLessThanOrEqualTo(24);
            if (panel.path("type").asString().equals("row")) continue;
            assertThat(panel.path("targets").size()).as(panel.path("title").asString()).isPositive();
            for (JsonNode target : panel.path("targets")) {
                checkExpression(panel.path("title").asString(), target.path("expr").asString());
                queries++;
            }
        }
        assertThat(queries).isGreaterThan(15);
    }

    private static void checkExpression(String where, String expr) {
        assertThat(expr).as(where).isNotBlank();
        int depth = 0;
        for (char c : expr.toCharArray()) {
            if (c == '(') depth++;
            if (c == ')') depth--;
            assertThat(depth).as("parentheses in " + where).isNotNegative();
        }
        assertThat(depth).as("parentheses in " + where).isZero();
        for (String metric : MetricNames.used(expr)) {
            assertThat(MetricNames.exported(metric, REGISTERED)).as(where + " names " + metric + ", which no Scope process exports").isTrue();
        }
    }

    /** ${VAR:-default} as Compose substitutes it when VAR is unset. */
    private static String composeDefaults(String s) {
        Matcher m = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}").matcher(s);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
    }

    /** A systemd unit's sections and keys (continuation lines joined, comments dropped). */
    private static Map<String, Map<String, String>> ini(String text) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : text.replace("\\\n", " ").lines().toList()) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) continue;
            if (l.startsWith("[")) {
                current = sections.computeIfAbsent(l.substring(1, l.length() - 1), k -> new LinkedHashMap<>());
            } else {
                int eq = l.indexOf('=');
                assertThat(eq).as("key=value: " + l).isPositive();
                assertThat(current).as("a section before " + l).isNotNull();
                current.put(l.substring(0, eq), l.substring(eq + 1));
            }
        }
        return sections;
    }
}
