/**
 * The probe's Kubernetes part, as Weave Scope 1.13's {@code probe/kubernetes}: fabric8 informers keep a local copy of
 * the cluster ({@link dev.scope.probe.kubernetes.ClusterWatch}); each spy cycle the reporter turns it into the Pod,
 * Service, Deployment, ReplicaSet, DaemonSet, StatefulSet, CronJob, Job, Namespace, PersistentVolume(Claim) and
 * StorageClass topologies with Weave Scope's node ids ({@code <uid>;<pod>}...), keys ({@code kubernetes_*}) and
 * templates, reusing the last report while nothing changed. Pods get their services and controllers as parents by
 * label selector, as Weave Scope does. The tagger joins containers to pods by the kubelet's
 * {@code io.kubernetes.pod.uid} label. Controls: logs and describe (pipes), delete pod, scale a deployment, cordon
 * or uncordon this node.
 *
 * <p>Roles ({@code SCOPE_KUBERNETES_ROLE}): {@code host} probes (one per node) report their node's pods and offer
 * cordon; the {@code cluster} probe (one per cluster) reports everything else; blank does both. Off outside a pod
 * unless {@code SCOPE_KUBERNETES=true}.
 *
 * <p>Not done: describe prints the object as YAML plus its events, not kubectl's describe layout; only deployments
 * scale (as in Weave Scope); volume snapshots are not watched.
 */
package dev.scope.probe.kubernetes;
