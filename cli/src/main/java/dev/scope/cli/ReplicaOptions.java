package dev.scope.cli;

import dev.scope.service.control.ReplicaSettings;
import picocli.CommandLine.Option;

/** The flags of a component whose replicas find each other through the database: control and pipe. */
final class ReplicaOptions {
    @Option(names = "--advertise-url", defaultValue = "${env:SCOPE_ADVERTISE_URL}", description = "How other replicas reach this one.")
    String advertise;

    @Option(names = "--replica-ttl", paramLabel = "SECONDS", defaultValue = "${env:SCOPE_REPLICA_TTL:-15}",
            description = "How long this replica's registration (its control routes or pipe ends) outlives its last heartbeat "
                    + "(default ${DEFAULT-VALUE}; env SCOPE_REPLICA_TTL).")
    double ttlSeconds;

    ReplicaSettings settings(ReplicaSettings defaults, HostPort listen) {
        return defaults.withHost(listen.host()).withPort(listen.port()).withAdvertisedUrl(advertise)
                .withTtl(ServiceCommand.Component.seconds(ttlSeconds));
    }
}
