package dev.scope.e2e;

import dev.scope.probe.ProbeContext;
import dev.scope.probe.ProbeModule;
import dev.scope.probe.docker.DockerConfig;
import dev.scope.probe.docker.DockerIntegration;
import java.time.Duration;

/**
 * The probe's Docker support pointed at the private test engine. (Production's DockerModule reads
 * {@code DOCKER_HOST} from the environment, which a test JVM cannot set.) Short intervals keep the tests quick.
 */
final class PrivateEngineDocker implements ProbeModule {
    private final String dockerHost;
    private DockerIntegration docker;

    PrivateEngineDocker(String dockerHost) {
        this.dockerHost = dockerHost;
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public void install(ProbeContext context) {
        DockerConfig config = DockerConfig.defaults(context.hostId(), context.probeId())
                .withDockerHost(dockerHost)
                .withProcRoot(context.config().procRoot())
                .withIntervals(Duration.ofSeconds(2), Duration.ofSeconds(1));
        docker = DockerIntegration.start(config, context.shortcuts(), context.pipes());
        context.reporters().add(docker.reporter());
        context.reporters().add(docker.tagger());
        docker.controls().forEach(context.controls()::register);
    }

    @Override
    public void close() {
        if (docker != null) docker.close();
    }
}
