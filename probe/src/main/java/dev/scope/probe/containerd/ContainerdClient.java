package dev.scope.probe.containerd;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * containerd's gRPC API over its unix socket: namespaces, containers and tasks, and the task calls the controls
 * need. Every call names its namespace in the {@code containerd-namespace} header, as containerd requires, and has
 * a deadline, so a hung daemon cannot hold a spy cycle.
 */
final class ContainerdClient implements AutoCloseable {
    private static final Metadata.Key<String> NAMESPACE = Metadata.Key.of("containerd-namespace", Metadata.ASCII_STRING_MARSHALLER);
    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private final EventLoopGroup group = new EpollEventLoopGroup(1);
    private final ManagedChannel channel;
    private final Duration deadline;

    ContainerdClient(Path socket, Duration deadline) {
        this.deadline = deadline;
        this.channel = NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()))
                .eventLoopGroup(group).channelType(EpollDomainSocketChannel.class)
                .overrideAuthority("localhost").usePlaintext().build();
    }

    List<String> namespaces() {
        return ContainerdMessages.namespaces(call(null, "containerd.services.namespaces.v1.Namespaces/List", new byte[0]));
    }

    List<ContainerdMessages.Container> containers(String namespace) {
        return ContainerdMessages.containers(call(namespace, "containerd.services.containers.v1.Containers/List", new byte[0]));
    }

    List<ContainerdMessages.Task> tasks(String namespace) {
        return ContainerdMessages.tasks(call(namespace, "containerd.services.tasks.v1.Tasks/List", new byte[0]));
    }

    void pause(String namespace, String containerId) {
        call(namespace, "containerd.services.tasks.v1.Tasks/Pause", ContainerdMessages.strings(1, containerId));
    }

    void resume(String namespace, String containerId) {
        call(namespace, "containerd.services.tasks.v1.Tasks/Resume", ContainerdMessages.strings(1, containerId));
    }

    /** Signals every process of the container's task ({@code all}), as {@code ctr task kill --all}. */
    void kill(String namespace, String containerId, int signal) {
        call(namespace, "containerd.services.tasks.v1.Tasks/Kill", ContainerdMessages.kill(containerId, signal, true));
    }

    private byte[] call(String namespace, String method, byte[] request) {
        MethodDescriptor<byte[], byte[]> descriptor = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(method)
                .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
        Channel target = channel;
        if (namespace != null) {
            Metadata headers = new Metadata();
            headers.put(NAMESPACE, namespace);
            target = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
        }
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
        return ClientCalls.blockingUnaryCall(target, descriptor, options, request);
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
