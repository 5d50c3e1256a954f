package dev.scope.probe.docker;

import dev.scope.probe.ProbeContext;
import dev.scope.probe.ProbeModule;

/**
 * Plugs Docker into the probe: its reporter, process tagger and controls. Reads the engine's address from
 * {@code DOCKER_HOST} (default {@code unix:///var/run/docker.sock}); on a host without Docker it reports nothing
 * and keeps trying every 10 s. Environment variables of containers are not reported unless
 * {@code SCOPE_DOCKER_SHOW_ENV=true}.
 */
public final class DockerModule implements ProbeModule {
    private DockerIntegration docker;

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public void install(ProbeContext context) {
        DockerConfig config = DockerConfig.defaults(context.hostId(), context.probeId())
                .withShowEnv(Boolean.parseBoolean(System.getenv("SCOPE_DOCKER_SHOW_ENV")))
                .withProcRoot(context.config().procRoot());
        docker = DockerIntegration.start(config, context.shortcuts(), context.pipes(), context.processes());
        context.reporters().add(docker.reporter());
        context.reporters().add(docker.tagger());
        docker.controls().forEach(context.controls()::register);
    }

    @Override
    public void close() {
        if (docker != null) docker.close();
    }
}
