/**
 * The probe's containerd part (beyond Weave Scope): containerd's gRPC API over its unix socket
 * ({@code SCOPE_CONTAINERD_ADDRESS}, default {@code /run/containerd/containerd.sock}), its few messages read and
 * written with protobuf's wire streams rather than generated code. Containers of every namespace but Docker's
 * {@code moby} appear in the Container topology with Docker's keys (so the render and the Kubernetes tagger treat
 * them as Docker's), processes descended from a task's init process are put under their container, and running
 * containers can be paused, unpaused and stopped (SIGTERM, then SIGKILL after 10 s).
 *
 * <p>Not done: images, exec/attach/logs (containerd has no log API; CRI keeps logs in files), CPU and memory
 * metrics, and events (state is listed every spy cycle instead).
 */
package dev.scope.probe.containerd;
