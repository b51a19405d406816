package dev.nemo.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.error.ErrorCodes;
import dev.nemo.sdk.upload.MediaFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /api/upload-video/nemo_agent/me/<sid>}: multipart field {@code files} (repeatable) or
 * JSON {@code {"urls":[…],"source_type":"url"}}. Types are decided by content sniffing (4001), and
 * the size limit is enforced while the body streams in (4002), so an oversized file is never
 * buffered whole. A file the active renderer could never render ({@code Renderer.rejects}) is
 * refused with 4001 too, and nothing of the request is stored.
 */
final class UploadHandler {
    /**
     * What is read and thrown away after a refusal, so that the client (still sending) gets to read
     * the answer instead of a connection reset; past this the connection is closed.
     */
    private static final long DRAIN_LIMIT = 1024L * 1024 * 1024;

    private static final int MAX_PARTS = 100;
    private static final int MAX_FIELD_BYTES = 64 * 1024;

    private final World world;
    private final RenderService renders;

    UploadHandler(World world, RenderService renders) {
        this.world = world;
        this.renders = renders;
    }

    /** A refusal with a body code (0 for a plain HTTP 400), decided while reading. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        Refusal(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    void handle(Call call) throws IOException {
        SessionRecord session = world.session(call.account, call.params.get("sid"));
        if (session == null) {
            refuseAfterDraining(call);
            call.code(ErrorCodes.SESSION_NOT_FOUND, 200, null);
            return;
        }
        String contentType = call.header("Content-Type");
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        List<World.PendingFile> files;
        try {
            if (type.startsWith("multipart/form-data")) {
                String boundary = MultipartReader.boundary(contentType);
                if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
                    refuseAfterDraining(call);
                    call.detail(400, "multipart/form-data needs a boundary parameter");
                    return;
                }
                files = multipart(call.exchange.getRequestBody(), boundary);
            } else if (type.startsWith("application/json")) {
                byte[] body = ApiServer.readLimited(call.exchange.getRequestBody(), ApiServer.MAX_JSON_BODY);
                files = urls(body);
            } else {
                refuseAfterDraining(call);
                call.detail(415, "Content-Type must be multipart/form-data or application/json");
                return;
            }
        } catch (MultipartReader.MalformedMultipartException e) {
            refuseAfterDraining(call);
            call.detail(400, "Malformed multipart body: " + e.getMessage());
            return;
        } catch (Refusal r) {
            refuseAfterDraining(call);
            if (r.code == 0) {
                call.detail(400, r.getMessage());
            } else {
                call.code(r.code, 200, r.getMessage());
            }
            return;
        }
        if (files.isEmpty()) {
            call.detail(400, "No files: send them in the multipart field 'files'");
            return;
        }
        for (World.PendingFile f : files) {
            Optional<String> refused = renders.rejects(f.toSource());
            if (refused.isPresent()) {
                call.code(
                        ErrorCodes.UNSUPPORTED_FILE_TYPE,
                        200,
                        "Unsupported file type: " + f.filename() + " (" + refused.get() + "). Accepted: "
                                + MediaFormats.description());
                return;
            }
        }
        ArrayNode entries = world.addMedia(session, files);
        ObjectNode data = EmulatorJson.object();
        data.set("files", entries);
        data.put("session_state_applied", true);
        call.ok(data);
    }

    private List<World.PendingFile> multipart(InputStream body, String boundary) throws IOException, Refusal {
        MultipartReader reader = new MultipartReader(body, boundary);
        List<World.PendingFile> files = new ArrayList<>();
        int parts = 0;
        MultipartReader.Part part;
        while ((part = reader.next()) != null) {
            if (++parts > MAX_PARTS) {
                throw new Refusal(0, "Too many parts (at most " + MAX_PARTS + ")");
            }
            if (!part.name().equals("files")) {
                if (part.body().readNBytes(MAX_FIELD_BYTES + 1).length > MAX_FIELD_BYTES) {
                    throw new Refusal(0, "Form field '" + part.name() + "' is too large");
                }
                continue;
            }
            String name = part.filename() == null || part.filename().isBlank() ? "file" : baseName(part.filename());
            files.add(read(name, part.body(), world.options().uploadLimitBytes()));
        }
        return files;
    }

    private List<World.PendingFile> urls(byte[] body) throws IOException, Refusal {
        if (body == null) {
            throw new Refusal(0, "Request body too large");
        }
        JsonNode json;
        try {
            json = EmulatorJson.parse(body);
        } catch (IOException e) {
            throw new Refusal(0, "The body is not valid JSON");
        }
        JsonNode urls = json == null ? null : json.get("urls");
        if (urls == null || !urls.isArray() || urls.isEmpty()) {
            throw new Refusal(0, "Expected {\"urls\":[…],\"source_type\":\"url\"}");
        }
        List<World.PendingFile> files = new ArrayList<>();
        for (JsonNode u : urls) {
            String url = u.asText("");
            byte[] bytes = world.fetch(url);
            if (bytes == null) {
                throw new Refusal(
                        0,
                        "Could not download " + url + ": the emulator has no internet access; register the "
                                + "URL with NemoEmulator.registerRemoteMedia or use one of its own CDN URLs");
            }
            String name = baseName(url.replaceAll("[?#].*$", ""));
            files.add(read(
                    name.isEmpty() ? "download" : name,
                    new java.io.ByteArrayInputStream(bytes),
                    world.options().uploadLimitBytes()));
        }
        return files;
    }

    /**
     * Sniffs the head, then copies the rest while counting against the limit: an oversized file is
     * refused as soon as the limit is crossed, having buffered at most the limit plus one read.
     */
    static World.PendingFile read(String filename, InputStream in, long limit) throws IOException, Refusal {
        byte[] head = in.readNBytes(MediaKind.SNIFF_BYTES);
        MediaKind kind = MediaKind.sniff(head, head.length);
        if (kind == null) {
            throw new Refusal(
                    ErrorCodes.UNSUPPORTED_FILE_TYPE,
                    "Unsupported file type: " + filename + ". Accepted: " + MediaFormats.description());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head);
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if ((long) out.size() + n > limit) {
                throw new Refusal(
                        ErrorCodes.FILE_TOO_LARGE,
                        "File too large: " + filename + " exceeds " + DraftEditor.size(limit));
            }
            out.write(buf, 0, n);
        }
        if (out.size() > limit) {
            throw new Refusal(
                    ErrorCodes.FILE_TOO_LARGE, "File too large: " + filename + " exceeds " + DraftEditor.size(limit));
        }
        byte[] bytes = out.toByteArray();
        return new World.PendingFile(filename, MediaProbe.probe(kind, bytes), bytes);
    }

    /**
     * Reads and discards what is left of the request, up to a cap, so that the client gets to read
     * the refusal instead of a reset; past the cap the connection is closed after the answer.
     */
    private static void refuseAfterDraining(Call call) {
        try {
            InputStream in = call.exchange.getRequestBody();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > DRAIN_LIMIT) {
                    call.exchange.getResponseHeaders().set("Connection", "close");
                    return;
                }
            }
        } catch (IOException e) {
            call.exchange.getResponseHeaders().set("Connection", "close");
        }
    }

    private static String baseName(String name) {
        String n = name.replace('\\', '/');
        int slash = n.lastIndexOf('/');
        n = slash >= 0 ? n.substring(slash + 1) : n;
        n = n.replaceAll("[\\p{Cntrl}]", "").strip();
        return n.length() > 255 ? n.substring(n.length() - 255) : n;
    }
}
