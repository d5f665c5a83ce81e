package dev.plimsoll.policies.yaml;

import java.math.BigInteger;
import java.util.Map;

/**
 * How go-yaml v3 types a plain scalar: {@code resolve} in go-yaml v3 {@code resolve.go}, which Kustomize's kyaml uses
 * to read resources and patches. YAML 1.2 core booleans and nulls; integers as Go's {@code strconv.ParseInt(s, 0, 64)}
 * or {@code ParseUint} take them after removing underscores (so {@code 0x1F}, {@code 0o17}, {@code 017} and {@code
 * 0b101} are integers), plus {@code 0b}/{@code 0o} forms with a sign; floats of go-yaml's {@code yamlStyleFloat}
 * pattern; no base 60, so {@code 1:20} is a string.
 */
final class GoYamlV3 {

    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** go-yaml v3's {@code resolveMap}, without the merge key, which the reader handles itself. */
    private static final Map<String, ScalarNode.Type> RESOLVE_MAP = Map.ofEntries(
            Map.entry("true", ScalarNode.Type.BOOL),
            Map.entry("True", ScalarNode.Type.BOOL),
            Map.entry("TRUE", ScalarNode.Type.BOOL),
            Map.entry("false", ScalarNode.Type.BOOL),
            Map.entry("False", ScalarNode.Type.BOOL),
            Map.entry("FALSE", ScalarNode.Type.BOOL),
            Map.entry("", ScalarNode.Type.NULL),
            Map.entry("~", ScalarNode.Type.NULL),
            Map.entry("null", ScalarNode.Type.NULL),
            Map.entry("Null", ScalarNode.Type.NULL),
            Map.entry("NULL", ScalarNode.Type.NULL),
            Map.entry(".nan", ScalarNode.Type.FLOAT),
            Map.entry(".NaN", ScalarNode.Type.FLOAT),
            Map.entry(".NAN", ScalarNode.Type.FLOAT),
            Map.entry(".inf", ScalarNode.Type.FLOAT),
            Map.entry(".Inf", ScalarNode.Type.FLOAT),
            Map.entry(".INF", ScalarNode.Type.FLOAT),
            Map.entry("+.inf", ScalarNode.Type.FLOAT),
            Map.entry("+.Inf", ScalarNode.Type.FLOAT),
            Map.entry("+.INF", ScalarNode.Type.FLOAT),
            Map.entry("-.inf", ScalarNode.Type.FLOAT),
            Map.entry("-.Inf", ScalarNode.Type.FLOAT),
            Map.entry("-.INF", ScalarNode.Type.FLOAT));

    private GoYamlV3() {}

    static ScalarNode.Type implicitType(String value) {
        ScalarNode.Type known = RESOLVE_MAP.get(value);
        if (known != null) {
            return known;
        }
        char hint = value.charAt(0);
        if (hint == '.') {
            return goParseFloat(value) ? ScalarNode.Type.FLOAT : ScalarNode.Type.STRING;
        }
        boolean digit = hint >= '0' && hint <= '9';
        if (!digit && hint != '+' && hint != '-') {
            return ScalarNode.Type.STRING;
        }
        String plain = value.indexOf('_') >= 0 ? value.replace("_", "") : value;
        if (integer(plain) != null) {
            return ScalarNode.Type.INT;
        }
        if (isYamlStyleFloat(plain)) {
            return ScalarNode.Type.FLOAT;
        }
        return ScalarNode.Type.STRING;
    }

    /**
     * The value of an integer as go-yaml v3 reads it (underscores already removed), or null when it is none: {@code
     * ParseInt(s, 0, 64)}, {@code ParseUint(s, 0, 64)}, then the {@code 0b}, {@code -0b}, {@code 0o} and {@code -0o}
     * forms.
     */
    static BigInteger integer(String plain) {
        BigInteger signed = goParseInt(plain, true);
        if (signed != null && signed.compareTo(INT64_MIN) >= 0 && signed.compareTo(INT64_MAX) <= 0) {
            return signed;
        }
        BigInteger unsigned = goParseInt(plain, false);
        if (unsigned != null && unsigned.compareTo(UINT64_MAX) <= 0) {
            return unsigned;
        }
        for (String prefix : new String[] {"0b", "-0b", "0o", "-0o"}) {
            if (plain.startsWith(prefix)) {
                int radix = prefix.endsWith("b") ? 2 : 8;
                BigInteger magnitude = digits(plain.substring(prefix.length()), radix);
                if (magnitude != null) {
                    BigInteger value = prefix.startsWith("-") ? magnitude.negate() : magnitude;
                    if (value.compareTo(INT64_MIN) >= 0 && value.compareTo(INT64_MAX) <= 0) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    /** Go's base-0 integer syntax with an optional sign ({@code signed}); the magnitude is not range-checked. */
    private static BigInteger goParseInt(String s, boolean signed) {
        int start = 0;
        boolean negative = false;
        if (signed && !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            start = 1;
        }
        if (start >= s.length()) {
            return null;
        }
        int radix = 10;
        if (s.charAt(start) == '0' && s.length() - start > 1) {
            char prefix = Character.toLowerCase(s.charAt(start + 1));
            if (prefix == 'x' || prefix == 'o' || prefix == 'b') {
                radix = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
                start += 2;
            } else {
                radix = 8;
                start += 1;
            }
        }
        BigInteger magnitude = digits(s.substring(start), radix);
        if (magnitude == null) {
            return null;
        }
        return negative ? magnitude.negate() : magnitude;
    }

    private static BigInteger digits(String s, int radix) {
        if (s.isEmpty()) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 'z' || Character.digit(c, radix) < 0) {
                return null;
            }
        }
        return new BigInteger(s, radix);
    }

    /** {@code ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$} and finite, as Go's ParseFloat requires. */
    private static boolean isYamlStyleFloat(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        if (i < n && s.charAt(i) == '.') {
            int digits = skipDigits(s, i + 1);
            if (digits == i + 1) {
                return false;
            }
            i = digits;
        } else {
            int digits = skipDigits(s, i);
            if (digits == i) {
                return false;
            }
            i = digits;
            if (i < n && s.charAt(i) == '.') {
                i = skipDigits(s, i + 1);
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int digits = skipDigits(s, i);
            if (digits == i) {
                return false;
            }
            i = digits;
        }
        return i == n && Double.isFinite(Double.parseDouble(s));
    }

    /** Go's {@code strconv.ParseFloat} for text starting with a dot: digits, an optional exponent, finite. */
    private static boolean goParseFloat(String s) {
        return isYamlStyleFloat(s);
    }

    /**
     * A folded block scalar's value as go-yaml v3 reads it, from the value YAML 1.2 (and SnakeYAML) gives: go-yaml v3
     * keeps one line break more where a normal line is followed (after any empty lines) by a more-indented one, so
     * {@code ">\n  one\n    more\n"} is {@code "one\n\n  more\n"}, not {@code "one\n  more\n"}.
     */
    static String folded(String value) {
        if (value.indexOf('\n') < 0) {
            return value;
        }
        String[] lines = value.split("\n", -1);
        StringBuilder out = new StringBuilder(value.length() + 8);
        String previous = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) {
                out.append('\n');
            }
            boolean moreIndented = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (moreIndented && previous != null && previous.charAt(0) != ' ' && previous.charAt(0) != '\t') {
                out.append('\n');
            }
            out.append(line);
            if (!line.isEmpty()) {
                previous = line;
            }
        }
        return out.toString();
    }

    private static int skipDigits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
