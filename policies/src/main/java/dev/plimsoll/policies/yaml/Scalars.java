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
            BigInteger signed = sign < 0 ? magnitude.negate() : magnitude;
            return signed.bitLength() < 64 ? OptionalLong.of(signed.longValue()) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
