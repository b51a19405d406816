package dev.nemo.sdk.internal.upload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.internal.json.JsonNodes;
import dev.nemo.sdk.internal.json.JsonValues;
import dev.nemo.sdk.json.JsonNull;
import dev.nemo.sdk.upload.UploadResult;
import dev.nemo.sdk.upload.UploadedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the upload response's {@code data}: {@code files[]} (preferred) or the older
 * {@code uploaded_files[]{url}}, and {@code session_state_applied}. Lenient: odd or missing fields
 * read as absent and are kept in the raw JSON.
 */
public final class UploadResponses {
    private UploadResponses() {
    }

    /**
     * {@return the result}
     *
     * @param data the envelope's {@code data}
     */
    public static UploadResult decode(@Nullable JsonNode data) {
        JsonNode list = null;
        if (data != null && data.isObject()) {
            JsonNode files = data.get("files");
            JsonNode uploaded = data.get("uploaded_files");
            list = files != null && files.isArray() && (files.size() > 0 || uploaded == null || !uploaded.isArray())
                    ? files : uploaded;
        } else if (data != null && data.isArray()) {
            list = data;
        }
        List<UploadedFile> out = new ArrayList<>();
        if (list != null && list.isArray()) {
            for (JsonNode f : list) {
                if (f.isObject()) {
                    out.add(file(f));
                } else if (f.isTextual()) {
                    out.add(UploadedFile.builder().url(f.textValue()).raw(JsonValues.fromJackson(f)).build());
                }
            }
        }
        @Nullable Boolean applied = (data != null && data.isObject())
                ? JsonNodes.bool(data, "session_state_applied").orElse(null) : null;
        return new UploadResult(out, applied, data == null ? JsonNull.INSTANCE : JsonValues.fromJackson(data));
    }

    private static UploadedFile file(JsonNode f) {
        UploadedFile.Builder b = UploadedFile.builder()
                .durationSeconds(boxed(JsonNodes.doubleValue(f, "duration")))
                .dimensions(intValue(JsonNodes.longValue(f, "width")), intValue(JsonNodes.longValue(f, "height")))
                .fps(boxed(JsonNodes.doubleValue(f, "fps")))
                .raw(JsonValues.fromJackson(f));
        JsonNodes.firstText(f, "filename", "file_name", "fileName", "name").ifPresent(b::fileName);
        JsonNodes.firstText(f, "file_type", "fileType", "type").ifPresent(b::fileType);
        JsonNodes.firstText(f, "cdn_url", "cdnUrl", "url").ifPresent(b::url);
        JsonNodes.text(f, "hash").ifPresent(b::hash);
        return b.build();
    }

    private static @Nullable Double boxed(OptionalDouble d) {
        return d.isPresent() && Double.isFinite(d.getAsDouble()) && d.getAsDouble() >= 0 ? d.getAsDouble() : null;
    }

    private static @Nullable Integer intValue(OptionalLong v) {
        return v.isPresent() && v.getAsLong() >= 0 && v.getAsLong() <= Integer.MAX_VALUE ? Integer.valueOf((int) v.getAsLong()) : null;
    }
}
