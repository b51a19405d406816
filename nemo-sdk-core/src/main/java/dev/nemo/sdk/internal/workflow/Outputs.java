package dev.nemo.sdk.internal.workflow;

import dev.nemo.sdk.export.ExportFormat;
import dev.nemo.sdk.export.ExportJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/** Where a workflow saves a render: the output file, or a file named after the input inside an output directory. */
final class Outputs {
    private Outputs() {}

    static Function<ExportJob, Path> target(Path output, String inputName, ExportFormat format) {
        return job ->
                Files.isDirectory(output) ? output.resolve(baseName(inputName) + "." + extension(job, format)) : output;
    }

    /** A directory gets a file named after the render: a conversation exports many times. */
    static Function<ExportJob, Path> namedAfterRender(Path output, ExportFormat format) {
        return job -> target(output, job.renderId(), format).apply(job);
    }

    private static String extension(ExportJob job, ExportFormat format) {
        String path =
                job.outputUrl().map(u -> u.getPath() == null ? "" : u.getPath()).orElse("");
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 || dot < path.lastIndexOf('/')
                ? ""
                : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.matches("[a-z0-9]{2,5}") ? ext : format.extension();
    }

    static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
