package dev.nemo.sdk.internal.upload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.internal.json.JsonNodes;
import dev.nemo.sdk.internal.json.JsonValues;
import dev.nemo.sdk.upload.UploadResult;
import dev.nemo.sdk.upload.UploadedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

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
    public static UploadResult decode(JsonNode data) {
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
        Boolean applied = data != null && data.isObject()
                ? JsonNodes.bool(data, "session_state_applied").orElse(null) : null;
        return new UploadResult(out, applied, data == null ? null : JsonValues.fromJackson(data));
    }

    private static UploadedFile file(JsonNode f) {
        return UploadedFile.builder()
                .fileName(JsonNodes.firstText(f, "filename", "file_name", "fileName", "name").orElse(null))
                .fileType(JsonNodes.firstText(f, "file_type", "fileType", "type").orElse(null))
                .url(JsonNodes.firstText(f, "cdn_url", "cdnUrl", "url").orElse(null))
                .durationSeconds(boxed(JsonNodes.doubleValue(f, "duration")))
                .dimensions(intValue(JsonNodes.longValue(f, "width")), intValue(JsonNodes.longValue(f, "height")))
                .fps(boxed(JsonNodes.doubleValue(f, "fps")))
                .hash(JsonNodes.text(f, "hash").orElse(null))
                .raw(JsonValues.fromJackson(f))
                .build();
    }

    private static Double boxed(OptionalDouble d) {
        return d.isPresent() && Double.isFinite(d.getAsDouble()) && d.getAsDouble() >= 0 ? d.getAsDouble() : null;
    }

    private static Integer intValue(OptionalLong v) {
        return v.isPresent() && v.getAsLong() >= 0 && v.getAsLong() <= Integer.MAX_VALUE ? (int) v.getAsLong() : null;
    }
}
