package dev.plimsoll.policies.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * Double-quoted scalars written the way go-yaml v2 (libyaml) writes them: a port of {@code
 * yaml_emitter_write_double_quoted_scalar} in go-yaml v2 {@code emitterc.go}. The one place {@link CanonicalYaml}
 * writes YAML itself rather than through SnakeYAML: the scalar is first emitted as a plain placeholder, then written
 * here in its place, starting at the placeholder's column.
 *
 * <p>libyaml escapes what is not printable (to it: outside LF, {@code U+0020..U+007E}, {@code U+00A0..U+D7FF}, {@code
 * U+E000..U+FFFD}, or a byte-order mark), line breaks, {@code "} and {@code \}: with its short escapes or {@code \xXX},
 * {@code \\uXXXX}, {@code \UXXXXXXXX} in upper-case hex. Outside a simple key it folds at a space once the line is
 * past column 80 (not at the first or last character, nor right after another space): a line break, the indentation
 * (the parent's plus two), and {@code \} when the next character is a space too.
 */
final class DoubleQuoted {

    private static final int BEST_WIDTH = 80;
    private static final int BEST_INDENT = 2;

    private final String prefix;
    private final List<String> values = new ArrayList<>();
    private final List<Boolean> keys = new ArrayList<>();
    private boolean collided;

    DoubleQuoted(int attempt) {
        this.prefix = "zqDQ" + Integer.toString(0x5f3a + attempt * 7919, 36) + "x";
    }

    /** Notes a scalar of the document, which must not contain the placeholder prefix. */
    void check(String value) {
        if (value.contains(prefix)) {
            collided = true;
        }
    }

    boolean collided() {
        return collided;
    }

    /** A placeholder for {@code value}; unique within the document. */
    String add(String value, boolean key) {
        values.add(value);
        keys.add(key);
        return prefix + (values.size() - 1) + "z";
    }

    /** Replaces every placeholder in {@code out} from {@code start} on by its double-quoted scalar. */
    void replace(StringBuilder out, int start) {
        if (values.isEmpty()) {
            return;
        }
        String emitted = out.substring(start);
        StringBuilder result = new StringBuilder(emitted.length() + 64);
        int lineStart = 0;
        int i = 0;
        while (i < emitted.length()) {
            int found = emitted.indexOf(prefix, i);
            if (found < 0) {
                result.append(emitted, i, emitted.length());
                break;
            }
            result.append(emitted, i, found);
            int end = emitted.indexOf('z', found + prefix.length());
            int index = Integer.parseInt(emitted.substring(found + prefix.length(), end));
            int lastBreak = result.lastIndexOf("\n");
            lineStart = lastBreak + 1;
            int column = result.codePointCount(lineStart, result.length());
            boolean key = keys.get(index);
            write(values.get(index), column, key ? 0 : indent(result, lineStart, column), !key, result);
            i = end + 1;
        }
        out.setLength(start);
        out.append(result);
    }

    /**
     * The indentation libyaml gives a scalar's continuation lines: the column of the key it is the value of, or of the
     * sequence item, plus two.
     */
    private static int indent(StringBuilder line, int lineStart, int column) {
        int at = lineStart;
        int end = line.length();
        while (at < end && line.charAt(at) == ' ') {
            at++;
        }
        while (at + 1 < end && line.charAt(at) == '-' && line.charAt(at + 1) == ' ') {
            at += 2;
            while (at < end && line.charAt(at) == ' ') {
                at++;
            }
        }
        int keyColumn = line.codePointCount(lineStart, at);
        if (keyColumn >= column) {
            // A sequence item or a document: the scalar starts where its parent's content does.
            return column == 0 ? BEST_INDENT : column;
        }
        return keyColumn + BEST_INDENT;
    }

    /** {@code yaml_emitter_write_double_quoted_scalar}, the opening quote at {@code column}. */
    static void write(String value, int column, int indent, boolean allowBreaks, StringBuilder out) {
        out.append('"');
        int col = column + 1;
        boolean spaces = false;
        int length = value.length();
        for (int i = 0; i < length; ) {
            int c = value.codePointAt(i);
            int next = i + Character.charCount(c);
            if (!isPrintable(c) || c == 0xFEFF || isBreak(c) || c == '"' || c == '\\') {
                String escape = escape(c);
                out.append('\\').append(escape);
                col += 1 + escape.length();
                spaces = false;
            } else if (c == ' ') {
                if (allowBreaks && !spaces && col > BEST_WIDTH && i != 0 && next != length) {
                    out.append('\n');
                    col = 0;
                    while (col < indent) {
                        out.append(' ');
                        col++;
                    }
                    if (next < length && value.charAt(next) == ' ') {
                        out.append('\\');
                        col++;
                    }
                } else {
                    out.append(' ');
                    col++;
                }
                spaces = true;
            } else {
                out.appendCodePoint(c);
                col++;
                spaces = false;
            }
            i = next;
        }
        out.append('"');
    }

    private static String escape(int c) {
        return switch (c) {
            case 0x00 -> "0";
            case 0x07 -> "a";
            case 0x08 -> "b";
            case 0x09 -> "t";
            case 0x0A -> "n";
            case 0x0B -> "v";
            case 0x0C -> "f";
            case 0x0D -> "r";
            case 0x1B -> "e";
            case '"' -> "\"";
            case '\\' -> "\\";
            case 0x85 -> "N";
            case 0xA0 -> "_";
            case 0x2028 -> "L";
            case 0x2029 -> "P";
            default ->
                c <= 0xFF
                        ? String.format("x%02X", c)
                        : c <= 0xFFFF ? String.format("u%04X", c) : String.format("U%08X", c);
        };
    }

    /** libyaml's {@code is_printable} on code points (see {@link KustomizeScalarStyle}). */
    private static boolean isPrintable(int c) {
        return c == 0x0A
                || (c >= 0x20 && c <= 0x7E)
                || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }

    private static boolean isBreak(int c) {
        return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }
}
