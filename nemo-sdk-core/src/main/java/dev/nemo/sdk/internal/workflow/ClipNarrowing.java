package dev.nemo.sdk.internal.workflow;

import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.draft.Segment;
import dev.nemo.sdk.draft.Track;
import dev.nemo.sdk.draft.TrackType;
import dev.nemo.sdk.json.JsonValue;
import dev.nemo.sdk.upload.UploadedFile;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * In a batch every file sits on the session's one timeline; each item's render keeps only that
 * file's clip on the video track (moved to the start), and every other track as it is.
 */
final class ClipNarrowing {
    private ClipNarrowing() {}

    static Optional<Draft> onlyClipOf(Draft draft, UploadedFile file) {
        OptionalInt video = draft.indexOf(TrackType.VIDEO);
        if (video.isEmpty()) {
            return Optional.empty();
        }
        Track track = draft.track(video.getAsInt());
        Optional<Segment> clip =
                track.segments().stream().filter(s -> isClipOf(s, file)).findFirst();
        return clip.map(s -> {
            Segment atStart = s.withStart(Duration.ZERO);
            Draft narrowed = draft.withTrack(video.getAsInt(), track.withSegments(List.of(atStart)));
            return s.duration().map(narrowed::withDuration).orElse(narrowed);
        });
    }

    private static boolean isClipOf(Segment s, UploadedFile file) {
        Optional<String> src = s.field("src").flatMap(JsonValue::asString);
        if (src.isPresent() && file.url().isPresent()) {
            return src.get().equals(file.url().get());
        }
        return s.label().isPresent() && s.label().equals(file.fileName());
    }
}
