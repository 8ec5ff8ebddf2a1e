package com.verdict.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines and decodes each as strict UTF-8 on its own, so that invalid bytes or an
 * overlong line spoil only their own line and the next one is read as usual. Memory stays within one line
 * of at most {@code maxLineBytes}: the rest of a longer line is skipped, not kept.
 */
final class JsonlLines {

    /**
     * One line: its 1-based number and its text, or the reason it has none; {@code ofTheFile} when that reason is
     * the whole file's (it is not UTF-8 at all), and no line follows.
     */
    record Line(long number, String text, String problem, boolean ofTheFile) {

        Line(long number, String text, String problem) {
            this(number, text, problem, false);
        }
    }

    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final int maxLineBytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[CHUNK];
    private int chunkStart;
    private int chunkEnd;
    private byte[] line = new byte[CHUNK];
    private long number;
    private boolean ended;

    JsonlLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        if (ended) {
            return null;
        }
        int length = 0;
        long lineBytes = 0;
        boolean newline = false;
        while (!newline) {
            if (chunkStart == chunkEnd && !fill()) {
                ended = true;
                if (lineBytes == 0) {
                    return null;
                }
                break;
            }
            int end = chunkStart;
            while (end < chunkEnd && chunk[end] != '\n') {
                end++;
            }
            int count = end - chunkStart;
            if (lineBytes + count <= maxLineBytes) {
                ensureCapacity(length + count);
                System.arraycopy(chunk, chunkStart, line, length, count);
                length += count;
            }
            lineBytes += count;
            newline = end < chunkEnd;
            chunkStart = newline ? end + 1 : end;
        }
        number++;
        if (lineBytes > maxLineBytes) {
            shrink();
            return new Line(number, null, "is " + lineBytes + " bytes long; no valid line is longer than "
                    + maxLineBytes + " bytes");
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (number == 1 && (startsWithUtf16ByteOrderMark(length) || startsWithUtf16Character(length))) {
            // Every line after it would be garbled too: one error for the file says what to do.
            ended = true;
            shrink();
            return new Line(number, null, "the file is UTF-16 (" + (startsWithUtf16ByteOrderMark(length)
                    ? "it starts with a UTF-16 byte order mark" : "its first character is two bytes, one of them 0")
                    + "): save it as UTF-8 and import it again", true);
        }
        int offset = number == 1 && startsWithByteOrderMark(length) ? 3 : 0;
        try {
            CharBuffer text = utf8.reset().decode(ByteBuffer.wrap(line, offset, length - offset));
            shrink();
            return new Line(number, text.toString(), null);
        } catch (CharacterCodingException e) {
            shrink();
            return new Line(number, null, "is not valid UTF-8");
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(chunk, 0, CHUNK);
        while (read == 0) {
            read = in.read(chunk, 0, CHUNK);
        }
        chunkStart = 0;
        chunkEnd = Math.max(read, 0);
        return read > 0;
    }

    private void ensureCapacity(int needed) {
        if (needed > line.length) {
            byte[] bigger = new byte[Math.max(needed, Math.min(line.length * 2, maxLineBytes))];
            System.arraycopy(line, 0, bigger, 0, line.length);
            line = bigger;
        }
    }

    /** After an unusually long line, give its buffer back rather than keep it for the rest of the file. */
    private void shrink() {
        if (line.length > 4 * CHUNK) {
            line = new byte[CHUNK];
        }
    }

    /** FF FE (little-endian, as Windows' Notepad saves "Unicode") or FE FF (big-endian). */
    private boolean startsWithUtf16ByteOrderMark(int length) {
        return length >= 2 && (line[0] == (byte) 0xFF && line[1] == (byte) 0xFE
                || line[0] == (byte) 0xFE && line[1] == (byte) 0xFF);
    }

    /** A NUL byte beside another: no UTF-8 text (and no JSON) has one, every ASCII character in UTF-16 does. */
    private boolean startsWithUtf16Character(int length) {
        return length >= 2 && (line[0] == 0) != (line[1] == 0);
    }

    private boolean startsWithByteOrderMark(int length) {
        return length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF;
    }
}
