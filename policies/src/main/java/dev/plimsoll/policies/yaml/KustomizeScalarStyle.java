package dev.plimsoll.policies.yaml;

import java.math.BigInteger;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;

/**
 * The style in which {@code kubectl kustomize} prints a string scalar, decided the way go-yaml v2 decides it (kustomize
 * prints through {@code sigs.k8s.io/yaml.JSONToYAML}, i.e. go-yaml v2, in kubectl 1.32 the copy in {@code
 * sigs.k8s.io/yaml/goyaml.v2} of sigs.k8s.io/yaml v1.4.0).
 *
 * <ol>
 *   <li>{@code encoder.stringv} (go-yaml v2 {@code encode.go}) asks for a literal block when the string contains a
 *       line feed, for plain style when the string would read back as a string ({@code resolve} gives {@code !!str})
 *       and is not a YAML 1.1 base-60 float, and for double quotes otherwise.
 *   <li>{@code yaml_emitter_select_scalar_style} (go-yaml v2 {@code emitterc.go}) then downgrades what the text does
 *       not allow, from {@code yaml_emitter_analyze_scalar}: plain to single-quoted, single-quoted to double-quoted,
 *       literal to double-quoted.
 * </ol>
 *
 * The {@code resolve} port follows go-yaml v2 {@code resolve.go} without the big-integer fallback of later
 * sigs.k8s.io/yaml releases: {@code kubectl kustomize} v1.32 prints {@code 0xFFFFFFFFFFFFFFFFFF} plain. Hand-written
 * scans instead of the Go regular expressions, because this runs for every string of every generated file.
 */
final class KustomizeScalarStyle {

    /**
     * The {@code resolveMap} of go-yaml v2 {@code resolve.go}: booleans, nulls, special floats. Its {@code <<} is left
     * out: {@code <} has no resolve hint, so go-yaml never looks it up and prints {@code <<} plain.
     */
    private static final Set<String> RESOLVE_MAP = Set.of(
            "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", //
            "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", //
            "", "~", "null", "Null", "NULL", //
            ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF");

    /** Bits of {@link #analyze}: the text has a line break, and which styles libyaml allows for it. */
    private static final int MULTILINE = 1;

    private static final int BLOCK_PLAIN = 2;
    private static final int SINGLE_QUOTED = 4;
    private static final int BLOCK = 8;

    /** libyaml writes a mapping key as a simple key ({@code key: value}) up to this many bytes. */
    private static final int MAX_SIMPLE_KEY_BYTES = 128;

    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private KustomizeScalarStyle() {}

    /** Strings up to this length have their style remembered; longer ones rarely repeat. */
    private static final int MEMO_LENGTH = 64;

    private static final Memo<String, ScalarStyle> VALUES = new Memo<>(value -> decide(value, false), 50_000);
    private static final Memo<String, ScalarStyle> KEYS = new Memo<>(value -> decide(value, true), 10_000);

    /** The style of {@code value} as a mapping value or sequence item ({@code key} false) or as a mapping key. */
    static ScalarStyle of(String value, boolean key) {
        if (value.length() > MEMO_LENGTH) {
            return decide(value, key);
        }
        return key ? KEYS.get(value) : VALUES.get(value);
    }

    private static ScalarStyle decide(String value, boolean key) {
        ScalarStyle style;
        if (value.indexOf('\n') >= 0) {
            style = ScalarStyle.LITERAL;
        } else if (readsAsString(value) && !isBase60Float(value)) {
            style = ScalarStyle.PLAIN;
        } else {
            style = ScalarStyle.DOUBLE_QUOTED;
        }
        int allowed = analyze(value);
        // yaml_emitter_check_simple_key: a longer or multi-line key is written after "? ", not in simple-key context.
        boolean simpleKey = key && (allowed & MULTILINE) == 0 && utf8Length(value) <= MAX_SIMPLE_KEY_BYTES;
        if (style == ScalarStyle.PLAIN) {
            // Only block context here: kustomize output has no flow collections other than empty {} and [].
            if ((allowed & BLOCK_PLAIN) == 0 || (value.isEmpty() && simpleKey)) {
                style = ScalarStyle.SINGLE_QUOTED;
            }
        }
        if (style == ScalarStyle.SINGLE_QUOTED && (allowed & SINGLE_QUOTED) == 0) {
            style = ScalarStyle.DOUBLE_QUOTED;
        }
        if (style == ScalarStyle.LITERAL && ((allowed & BLOCK) == 0 || simpleKey)) {
            style = ScalarStyle.DOUBLE_QUOTED;
        }
        return style;
    }

    /**
     * True when libyaml writes {@code value} as a simple key ({@code key: value}), not after {@code "? "}: no line
     * break, at most 128 bytes ({@code yaml_emitter_check_simple_key}).
     */
    static boolean isSimpleKey(String value) {
        return (analyze(value) & MULTILINE) == 0 && utf8Length(value) <= MAX_SIMPLE_KEY_BYTES;
    }

    private static int utf8Length(String value) {
        if (value.length() > MAX_SIMPLE_KEY_BYTES) {
            return value.length();
        }
        int bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    // ---- yaml_emitter_analyze_scalar (go-yaml v2 emitterc.go), block context only ----

    /** The styles libyaml allows for {@code value}, as bits, plus {@link #MULTILINE}. */
    private static int analyze(String value) {
        if (value.isEmpty()) {
            return BLOCK_PLAIN | SINGLE_QUOTED;
        }
        boolean blockIndicators = false;
        boolean lineBreaks = false;
        boolean specialCharacters = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        boolean previousSpace = false;
        boolean previousBreak = false;

        if (value.startsWith("---") || value.startsWith("...")) {
            blockIndicators = true;
        }
        boolean precededByWhitespace = true;
        int length = value.length();
        for (int i = 0; i < length; ) {
            int c = value.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean last = next >= length;
            boolean followedByWhitespace = last || isBlank(value.charAt(next));
            if (i == 0) {
                switch (c) {
                    case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' ->
                        blockIndicators = true;
                    case '?', ':', '-' -> blockIndicators |= followedByWhitespace;
                    default -> {}
                }
            } else if (c == ':') {
                blockIndicators |= followedByWhitespace;
            } else if (c == '#') {
                blockIndicators |= precededByWhitespace;
            }
            if (!isPrintable(c)) {
                specialCharacters = true;
            }
            if (c == ' ') {
                leadingSpace |= i == 0;
                trailingSpace |= last;
                breakSpace |= previousBreak;
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(c)) {
                lineBreaks = true;
                leadingBreak |= i == 0;
                trailingBreak |= last;
                spaceBreak |= previousSpace;
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = c == ' ' || c == '\t' || c == 0 || isBreak(c);
            i = next;
        }
        boolean blockPlain = true;
        boolean singleQuoted = true;
        boolean block = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            blockPlain = false;
        }
        if (trailingSpace) {
            block = false;
        }
        if (breakSpace) {
            blockPlain = false;
            singleQuoted = false;
        }
        if (spaceBreak || specialCharacters) {
            blockPlain = false;
            singleQuoted = false;
            block = false;
        }
        if (lineBreaks || blockIndicators) {
            blockPlain = false;
        }
        return (lineBreaks ? MULTILINE : 0)
                | (blockPlain ? BLOCK_PLAIN : 0)
                | (singleQuoted ? SINGLE_QUOTED : 0)
                | (block ? BLOCK : 0);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** libyaml's {@code is_break}: CR, LF, NEL, LS, PS. */
    private static boolean isBreak(int c) {
        return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /**
     * libyaml's {@code is_printable} on UTF-8: LF, printable ASCII, and the BMP from U+00A0 except surrogates, the
     * byte-order mark, U+FFFE and U+FFFF. Characters beyond the BMP (emoji) are not printable to libyaml.
     */
    private static boolean isPrintable(int c) {
        return c == 0x0A
                || (c >= 0x20 && c <= 0x7E)
                || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }

    // ---- resolve (go-yaml v2 resolve.go) with tag "" ----

    /** True when go-yaml v2 reads {@code value}, written plain, as a string. */
    static boolean readsAsString(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char hint = value.charAt(0);
        boolean sign = hint == '+' || hint == '-';
        boolean digit = hint >= '0' && hint <= '9';
        boolean inMap = "yYnNtTfFoO~".indexOf(hint) >= 0;
        if (!sign && !digit && !inMap && hint != '.') {
            return true;
        }
        if (RESOLVE_MAP.contains(value)) {
            return false;
        }
        if (inMap) {
            return true;
        }
        if (hint == '.') {
            return !isGoFloat(value, 0);
        }
        if (isTimestamp(value)) {
            return false;
        }
        String plain = value.indexOf('_') >= 0 ? value.replace("_", "") : value;
        if (parsesAsGoInteger(plain, 0, true) || parsesAsGoInteger(plain, 0, false)) {
            return false;
        }
        if (isYamlStyleFloat(plain) && isFinite(plain)) {
            return false;
        }
        if (plain.startsWith("0b")) {
            String binary = plain.substring(2);
            return !(parsesAsGoInteger(binary, 2, true) || parsesAsGoInteger(binary, 2, false));
        }
        if (plain.startsWith("-0b")) {
            return !parsesAsGoInteger("-" + plain.substring(3), 2, true);
        }
        return true;
    }

    /**
     * {@code strconv.ParseInt(s, base, 64)} ({@code signed}) or {@code strconv.ParseUint(s, base, 64)} succeeds;
     * base 0 takes Go's prefixes ({@code 0x}, {@code 0o}, {@code 0b}, a bare leading {@code 0} for octal).
     */
    private static boolean parsesAsGoInteger(String s, int base, boolean signed) {
        int start = 0;
        boolean negative = false;
        if (signed && !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            start = 1;
        }
        if (start >= s.length()) {
            return false;
        }
        int radix = base;
        if (base == 0) {
            radix = 10;
            if (s.charAt(start) == '0') {
                char prefix = s.length() - start >= 3 ? Character.toLowerCase(s.charAt(start + 1)) : 0;
                if (prefix == 'b' || prefix == 'o' || prefix == 'x') {
                    radix = prefix == 'b' ? 2 : prefix == 'o' ? 8 : 16;
                    start += 2;
                } else {
                    radix = 8;
                    start += 1;
                }
            }
        }
        if (start == s.length()) {
            // Only the bare "0" of base 0 may have no digits after its prefix.
            return base == 0 && radix == 8;
        }
        for (int i = start; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), radix) < 0 || s.charAt(i) > 'z') {
                return false;
            }
        }
        BigInteger magnitude = new BigInteger(s.substring(start), radix);
        if (!signed) {
            return magnitude.compareTo(UINT64_MAX) <= 0;
        }
        BigInteger signedValue = negative ? magnitude.negate() : magnitude;
        return signedValue.compareTo(INT64_MIN) >= 0 && signedValue.compareTo(INT64_MAX) <= 0;
    }

    /** {@code ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$}, go-yaml v2's {@code yamlStyleFloat}. */
    private static boolean isYamlStyleFloat(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        if (i < n && s.charAt(i) == '.') {
            return isGoFloat(s, i);
        }
        int digits = skipDigits(s, i);
        if (digits == i) {
            return false;
        }
        i = digits;
        if (i < n && s.charAt(i) == '.') {
            i = skipDigits(s, i + 1);
        }
        return isExponentOrEnd(s, i);
    }

    /** {@code \.[0-9]+([eE][-+]?[0-9]+)?$} from {@code from} on, and finite: what Go's ParseFloat takes there. */
    private static boolean isGoFloat(String s, int from) {
        if (from >= s.length() || s.charAt(from) != '.') {
            return false;
        }
        int digits = skipDigits(s, from + 1);
        return digits > from + 1 && isExponentOrEnd(s, digits) && isFinite(s);
    }

    private static boolean isExponentOrEnd(String s, int i) {
        int n = s.length();
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != 'e' && s.charAt(i) != 'E') {
            return false;
        }
        i++;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = skipDigits(s, i);
        return digits > i && digits == n;
    }

    private static int skipDigits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** Go's ParseFloat reports overflow to infinity as an error, so such text stays a string. */
    private static boolean isFinite(String s) {
        return Double.isFinite(Double.parseDouble(s));
    }

    /**
     * go-yaml v2 {@code isBase60Float}: {@code ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$}, quoted on output
     * for YAML 1.1 readers although go-yaml itself reads it as a string.
     */
    static boolean isBase60Float(String s) {
        int n = s.length();
        if (n == 0 || s.indexOf(':') < 0) {
            return false;
        }
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            i++;
        }
        if (i >= n || !isDigit(s.charAt(i))) {
            return false;
        }
        i++;
        while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        int groups = 0;
        while (i < n && s.charAt(i) == ':') {
            i++;
            // [0-5]?[0-9]: one digit, or two digits of which the first is 0-5.
            if (i + 1 < n && s.charAt(i) >= '0' && s.charAt(i) <= '5' && isDigit(s.charAt(i + 1))) {
                i += 2;
            } else if (i < n && isDigit(s.charAt(i))) {
                i += 1;
            } else {
                return false;
            }
            groups++;
        }
        if (groups == 0) {
            return false;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ---- parseTimestamp (go-yaml v2 resolve.go) over Go's time.Parse ----

    /**
     * go-yaml v2 {@code parseTimestamp}: four digits and a dash, then one of the layouts {@code
     * 2006-1-2T15:4:5.999999999Z07:00}, the same with a lower-case {@code t}, {@code 2006-1-2 15:4:5.999999999}, or
     * {@code 2006-1-2}, with Go's {@code time.Parse} field widths and range checks.
     */
    static boolean isTimestamp(String s) {
        int n = s.length();
        if (n < 5) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        if (s.charAt(4) != '-') {
            return false;
        }
        int year = Integer.parseInt(s.substring(0, 4));
        Cursor at = new Cursor(s, 5);
        int month = at.number();
        if (month < 1 || month > 12 || !at.literal('-')) {
            return false;
        }
        int day = at.number();
        if (day < 1 || day > daysIn(month, year)) {
            return false;
        }
        if (at.atEnd()) {
            return true;
        }
        char separator = s.charAt(at.index);
        if (separator == 'T' || separator == 't') {
            at.index++;
            return time(at) && zone(at) && at.atEnd();
        }
        if (separator == ' ') {
            while (!at.atEnd() && s.charAt(at.index) == ' ') {
                at.index++;
            }
            return time(at) && at.atEnd();
        }
        return false;
    }

    /** {@code 15:4:5.999999999}: hour 0-23, minute and second 0-59, one or two digits each, optional fraction. */
    private static boolean time(Cursor at) {
        int hour = at.number();
        if (hour < 0 || hour > 23 || !at.literal(':')) {
            return false;
        }
        int minute = at.number();
        if (minute < 0 || minute > 59 || !at.literal(':')) {
            return false;
        }
        int second = at.number();
        if (second < 0 || second > 59) {
            return false;
        }
        String s = at.text;
        if (at.index + 1 < s.length()
                && (s.charAt(at.index) == '.' || s.charAt(at.index) == ',')
                && isDigit(s.charAt(at.index + 1))) {
            at.index = skipDigits(s, at.index + 1);
        }
        return true;
    }

    /** {@code Z07:00}: {@code Z}, or a sign, two-digit hours up to 24, a colon and two-digit minutes up to 60. */
    private static boolean zone(Cursor at) {
        String s = at.text;
        if (at.atEnd()) {
            return false;
        }
        if (s.charAt(at.index) == 'Z') {
            at.index++;
            return true;
        }
        int i = at.index;
        if (s.length() - i < 6 || s.charAt(i + 3) != ':') {
            return false;
        }
        char sign = s.charAt(i);
        if ((sign != '+' && sign != '-')
                || !isDigit(s.charAt(i + 1))
                || !isDigit(s.charAt(i + 2))
                || !isDigit(s.charAt(i + 4))
                || !isDigit(s.charAt(i + 5))) {
            return false;
        }
        int hours = (s.charAt(i + 1) - '0') * 10 + (s.charAt(i + 2) - '0');
        int minutes = (s.charAt(i + 4) - '0') * 10 + (s.charAt(i + 5) - '0');
        at.index = i + 6;
        return hours <= 24 && minutes <= 60;
    }

    private static int daysIn(int month, int year) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** A read position for {@link #isTimestamp}. */
    private static final class Cursor {
        final String text;
        int index;

        Cursor(String text, int index) {
            this.text = text;
            this.index = index;
        }

        boolean atEnd() {
            return index >= text.length();
        }

        /** Go's {@code getnum(s, false)}: one or two digits; -1 when there is none. */
        int number() {
            if (atEnd() || !isDigit(text.charAt(index))) {
                return -1;
            }
            int value = text.charAt(index++) - '0';
            if (!atEnd() && isDigit(text.charAt(index))) {
                value = value * 10 + (text.charAt(index++) - '0');
            }
            return value;
        }

        boolean literal(char c) {
            if (atEnd() || text.charAt(index) != c) {
                return false;
            }
            index++;
            return true;
        }
    }
}
