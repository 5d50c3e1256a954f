package dev.scope.render;

import dev.scope.render.json.ViewWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes the views of {@link Views} exactly as Weave Scope 1.13's app encodes them. */
public final class ApiJson {
    private ApiJson() {
    }

    /**
     * @param view a {@link TopologyList}, {@link RenderedTopology}, {@link NodeDetails}, {@link TopologyDiff}
     *             or {@link NodeSummary}
     */
    public static void write(Object view, OutputStream out) throws IOException {
        ViewWriter.write(view, out);
    }

    public static byte[] toBytes(Object view) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            write(view, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
