package dev.plimsoll.policies.internal.load;

import dev.plimsoll.policies.yaml.Position;
import java.nio.charset.StandardCharsets;

/**
 * The decoded text of an input, for the rare look at the raw text behind a position. Lines break where SnakeYAML
 * breaks them ({@code \n}, {@code \r\n}, a lone {@code \r}, NEL, LS, PS) and columns count code points, so that
 * positions from the parser map to the right offsets.
 */
final class SourceText {

    private final String text;
    private final int[] lineStarts;

    private SourceText(String text) {
        this.text = text;
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (isBreak(text, i)) {
                lines++;
            }
        }
        lineStarts = new int[lines];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (isBreak(text, i)) {
                lineStarts[line++] = i + 1;
            }
        }
    }

    /** Decodes UTF-8, dropping a byte-order mark as the YAML reader does. */
    static SourceText of(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return new SourceText(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    String text() {
        return text;
    }

    int lineCount() {
        return lineStarts.length;
    }

    /** The offset of the first character of 1-based {@code line}. */
    int lineStart(int line) {
        return lineStarts[Math.min(Math.max(line, 1), lineStarts.length) - 1];
    }

    /** The offset just past the last character of 1-based {@code line}, before its line break. */
    int lineEnd(int line) {
        if (line >= lineStarts.length) {
            return text.length();
        }
        int end = lineStarts[line] - 1;
        return end > 0 && text.charAt(end) == '\n' && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /** The offset of {@code position}, clamped to its line. */
    int offset(Position position) {
        int start = lineStart(position.line());
        int end = lineEnd(position.line());
        int columns = Math.min(position.column() - 1, text.codePointCount(start, end));
        return text.offsetByCodePoints(start, columns);
    }

    /** The position of the character at {@code offset}. */
    Position position(int offset) {
        int low = 0;
        int high = lineStarts.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (lineStarts[middle] <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return new Position(low + 1, text.codePointCount(lineStarts[low], offset) + 1);
    }

    private static boolean isBreak(String text, int i) {
        char c = text.charAt(i);
        return c == '\n'
                || c == '\u0085'
                || c == '\u2028'
                || c == '\u2029'
                || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
    }
}
