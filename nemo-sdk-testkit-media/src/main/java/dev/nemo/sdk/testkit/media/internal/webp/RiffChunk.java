package dev.nemo.sdk.testkit.media.internal.webp;

import dev.nemo.sdk.testkit.media.MediaRejectedException;
import dev.nemo.sdk.testkit.media.MediaRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One RIFF chunk of a file held in memory: its FourCC and where its payload lies. {@link #list}
 * walks a run of chunks with every length checked against the bytes that are really there, so a
 * hostile length can neither read past the end nor loop.
 *
 * @param fourcc the chunk's four characters, for example {@code ANMF}
 * @param offset where the payload starts in the file's bytes
 * @param length the payload length in bytes
 */
public record RiffChunk(String fourcc, int offset, int length) {

    /** The chunk header: FourCC and a little-endian 32-bit size. */
    static final int HEADER = 8;

    /**
     * The chunks in {@code bytes[from, to)}, in order (each payload padded to an even length).
     *
     * @param bytes the file
     * @param from where the first chunk header starts
     * @param to where the run ends (exclusive)
     * @param maxChunks the most chunks accepted
     * @return the chunks
     * @throws MediaRejectedException if a chunk is truncated or there are more than {@code maxChunks}
     */
    public static List<RiffChunk> list(byte[] bytes, int from, int to, int maxChunks) {
        List<RiffChunk> chunks = new ArrayList<>();
        int pos = from;
        while (to - pos >= HEADER) {
            if (chunks.size() == maxChunks) {
                throw new MediaRejectedException(
                        Reason.UNDECODABLE, "the WebP file has more than " + maxChunks + " chunks");
            }
            String fourcc = new String(bytes, pos, 4, StandardCharsets.ISO_8859_1);
            long length = Bytes.u32(bytes, pos + 4);
            if (length > to - pos - HEADER) {
                throw new MediaRejectedException(
                        Reason.UNDECODABLE,
                        "the WebP file is truncated: its " + printable(fourcc) + " chunk declares " + length
                                + " bytes, " + (to - pos - HEADER) + " are left");
            }
            chunks.add(new RiffChunk(fourcc, pos + HEADER, (int) length));
            pos += HEADER + (int) length + (int) (length & 1);
        }
        return chunks;
    }

    /**
     * The first chunk of a type.
     *
     * @param chunks where to look
     * @param fourcc the type
     * @return the chunk, or null
     */
    static RiffChunk first(List<RiffChunk> chunks, String fourcc) {
        for (RiffChunk c : chunks) {
            if (c.fourcc().equals(fourcc)) {
                return c;
            }
        }
        return null;
    }

    /** The FourCC with anything that is not printable ASCII shown as '?', for messages. */
    static String printable(String fourcc) {
        StringBuilder s = new StringBuilder(4);
        for (char c : fourcc.toCharArray()) {
            s.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return "'" + s + "'";
    }
}
