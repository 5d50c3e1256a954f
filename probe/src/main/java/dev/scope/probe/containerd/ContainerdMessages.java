package dev.scope.probe.containerd;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The few containerd API messages the probe uses, read and written with protobuf's wire streams. Field numbers are
 * containerd's ({@code api/services/containers/v1/containers.proto}, {@code api/services/tasks/v1/tasks.proto},
 * {@code api/types/task/task.proto}, {@code api/services/namespaces/v1/namespace.proto}); fields not listed are
 * skipped, so newer containerd versions still decode.
 */
final class ContainerdMessages {
    private ContainerdMessages() {
    }

    /** A container (metadata; it may have no task). */
    record Container(String id, Map<String, String> labels, String image, Instant createdAt) {
        Container {
            labels = Map.copyOf(labels);
        }
    }

    /** A container's task: its init process, as {@code containerd.v1.types.Process}. */
    record Task(String containerId, int pid, Status status, int exitStatus) {
    }

    enum Status {
        UNKNOWN, CREATED, RUNNING, STOPPED, PAUSED, PAUSING;

        static Status of(int number) {
            Status[] all = values();
            return number >= 0 && number < all.length ? all[number] : UNKNOWN;
        }
    }

    // ---- requests ----

    /** A message with string fields by number (ListContainersRequest, PauseTaskRequest...); null or empty values are left out. */
    static byte[] strings(Object... numberAndValue) {
        return write(out -> {
            for (int i = 0; i < numberAndValue.length; i += 2) {
                String value = (String) numberAndValue[i + 1];
                if (value != null && !value.isEmpty()) out.writeString((Integer) numberAndValue[i], value);
            }
        });
    }

    /** KillRequest: container_id = 1, signal = 3, all = 4. */
    static byte[] kill(String containerId, int signal, boolean all) {
        return write(out -> {
            out.writeString(1, containerId);
            out.writeUInt32(3, signal);
            if (all) out.writeBool(4, true);
        });
    }

    // ---- responses ----

    /** ListNamespacesResponse: repeated Namespace namespaces = 1; Namespace.name = 1. */
    static List<String> namespaces(byte[] response) {
        List<String> names = new ArrayList<>();
        for (byte[] ns : repeated(response, 1)) {
            String[] name = {""};
            fields(ns, (field, in) -> {
                if (field == 1) name[0] = in.readString();
                else return false;
                return true;
            });
            names.add(name[0]);
        }
        return names;
    }

    /** ListContainersResponse: repeated Container containers = 1. */
    static List<Container> containers(byte[] response) {
        List<Container> out = new ArrayList<>();
        for (byte[] c : repeated(response, 1)) out.add(container(c));
        return out;
    }

    private static Container container(byte[] bytes) {
        String[] id = {""};
        String[] image = {""};
        Instant[] created = {null};
        Map<String, String> labels = new TreeMap<>();
        fields(bytes, (field, in) -> {
            switch (field) {
                case 1 -> id[0] = in.readString();
                case 2 -> mapEntry(in.readByteArray(), labels);
                case 3 -> image[0] = in.readString();
                case 8 -> created[0] = timestamp(in.readByteArray());
                default -> {
                    return false;
                }
            }
            return true;
        });
        return new Container(id[0], labels, image[0], created[0]);
    }

    /**
     * ListTasksResponse: repeated Process tasks = 1; Process: container_id 1, id 2, pid 3, status 4, exit_status 9.
     * containerd fills only {@code id} (the task's id, which is its container's) in task lists, so that is the fallback.
     */
    static List<Task> tasks(byte[] response) {
        List<Task> out = new ArrayList<>();
        for (byte[] t : repeated(response, 1)) {
            String[] id = {"", ""};
            int[] numbers = new int[3];
            fields(t, (field, in) -> {
                switch (field) {
                    case 1 -> id[0] = in.readString();
                    case 2 -> id[1] = in.readString();
                    case 3 -> numbers[0] = in.readUInt32();
                    case 4 -> numbers[1] = in.readEnum();
                    case 9 -> numbers[2] = in.readUInt32();
                    default -> {
                        return false;
                    }
                }
                return true;
            });
            out.add(new Task(id[0].isEmpty() ? id[1] : id[0], numbers[0], Status.of(numbers[1]), numbers[2]));
        }
        return out;
    }

    // ---- wire helpers ----

    private interface FieldReader {
        /** Reads one field; returns false to have it skipped. */
        boolean read(int field, CodedInputStream in) throws IOException;
    }

    private interface Writer {
        void write(CodedOutputStream out) throws IOException;
    }

    private static void fields(byte[] bytes, FieldReader reader) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            for (int tag; (tag = in.readTag()) != 0; ) {
                if (!reader.read(WireFormat.getTagFieldNumber(tag), in)) in.skipField(tag);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bad message from containerd", e);
        }
    }

    /** The embedded messages of a repeated message field. */
    private static List<byte[]> repeated(byte[] bytes, int number) {
        List<byte[]> out = new ArrayList<>();
        fields(bytes, (field, in) -> {
            if (field != number) return false;
            out.add(in.readByteArray());
            return true;
        });
        return out;
    }

    /** A map entry message: key = 1, value = 2. */
    private static void mapEntry(byte[] entry, Map<String, String> into) {
        String[] kv = {"", ""};
        fields(entry, (field, in) -> {
            if (field == 1) kv[0] = in.readString();
            else if (field == 2) kv[1] = in.readString();
            else return false;
            return true;
        });
        into.put(kv[0], kv[1]);
    }

    /** google.protobuf.Timestamp: seconds = 1, nanos = 2. */
    private static Instant timestamp(byte[] bytes) {
        long[] v = new long[2];
        fields(bytes, (field, in) -> {
            if (field == 1) v[0] = in.readInt64();
            else if (field == 2) v[1] = in.readInt32();
            else return false;
            return true;
        });
        return Instant.ofEpochSecond(v[0], v[1]);
    }

    private static byte[] write(Writer writer) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            writer.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
