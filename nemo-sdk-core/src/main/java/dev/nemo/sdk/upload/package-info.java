/**
 * Media upload: {@link dev.nemo.sdk.upload.UploadsApi} (from {@code client.uploads()}) streams
 * files to a session as {@code multipart/form-data}, checks size and format (by magic bytes,
 * {@link dev.nemo.sdk.upload.MediaFormat}) before sending, reports progress, and decodes the
 * stored files ({@link dev.nemo.sdk.upload.UploadResult}).
 */
@NullMarked
package dev.nemo.sdk.upload;

import org.jspecify.annotations.NullMarked;
