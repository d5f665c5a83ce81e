package dev.plimsoll.policies.yaml;

import java.math.BigInteger;
import java.util.Locale;
import java.util.OptionalLong;

/** YAML 1.1 scalar readings shared by the node model and the document builder. */
final class Scalars {

    private Scalars() {}

    static boolean isYamlTrue(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "on" -> true;
            default -> false;
        };
    }

    static OptionalLong parseYamlInt(String text) {
        BigInteger value = parseYamlInteger(text);
        return value != null && value.bitLength() < 64 ? OptionalLong.of(value.longValue()) : OptionalLong.empty();
    }

    /** A YAML 1.1 integer of any size (decimal, octal {@code 0o}/{@code 0}, hex, binary, base 60), or null. */
    static BigInteger parseYamlInteger(String text) {
        String value = text.replace("_", "");
        int sign = 1;
        if (value.startsWith("-") || value.startsWith("+")) {
            sign = value.startsWith("-") ? -1 : 1;
            value = value.substring(1);
        }
        try {
            BigInteger magnitude;
            if (value.startsWith("0x")) {
                magnitude = new BigInteger(value.substring(2), 16);
            } else if (value.startsWith("0o")) {
                magnitude = new BigInteger(value.substring(2), 8);
            } else if (value.startsWith("0b")) {
                magnitude = new BigInteger(value.substring(2), 2);
            } else if (value.length() > 1 && value.startsWith("0")) {
                magnitude = new BigInteger(value.substring(1), 8);
            } else if (value.contains(":")) {
                magnitude = BigInteger.ZERO;
                for (String part : value.split(":")) {
                    magnitude = magnitude.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
                }
            } else {
                magnitude = new BigInteger(value);
            }
            return sign < 0 ? magnitude.negate() : magnitude;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A YAML 1.1 float ({@code 1.5}, {@code 1e3}, {@code 1_000.5}, {@code .inf}, {@code .nan}, base 60 {@code
     * 1:30.5}), or null when the API server would read the text as a string after all.
     */
    static Double parseYamlFloat(String text) {
        String value = text.replace("_", "");
        String lower = value.toLowerCase(Locale.ROOT);
        switch (lower) {
            case ".inf", "+.inf":
                return Double.POSITIVE_INFINITY;
            case "-.inf":
                return Double.NEGATIVE_INFINITY;
            case ".nan":
                return Double.NaN;
            default:
                break;
        }
        try {
            if (value.contains(":")) {
                boolean negative = value.startsWith("-");
                String unsigned = value.startsWith("-") || value.startsWith("+") ? value.substring(1) : value;
                double result = 0;
                for (String part : unsigned.split(":")) {
                    result = result * 60 + Double.parseDouble(part);
                }
                return negative ? -result : result;
            }
            String mantissa = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
            if (value.isEmpty()
                    || mantissa.startsWith("_")
                    || !Character.isDigit(value.charAt(value.length() - 1)) && !value.endsWith(".")) {
                // "_1" or "_": SnakeYAML's float pattern takes them, YAML 1.1 and go-yaml do not.
                return null;
            }
            double result = Double.parseDouble(value);
            // Go's ParseFloat fails on overflow, so go-yaml (and the API server) read "1e400" as a string.
            return Double.isInfinite(result) ? null : result;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
