package dev.nemo.sdk.examples.spring;

import dev.nemo.sdk.export.ExportFormat;
import java.nio.file.Path;

/**
 * An upload and what to do with it.
 *
 * @param input       the uploaded file, saved on disk
 * @param fileName    its name as the browser sent it
 * @param inputBytes  its size
 * @param instruction the instruction for the agent
 * @param format      the export format
 * @param workDir     the job's directory (the result goes there)
 */
public record JobRequest(
        Path input, String fileName, long inputBytes, String instruction, ExportFormat format, Path workDir) {}
