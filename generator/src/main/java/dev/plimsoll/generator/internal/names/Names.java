package dev.plimsoll.generator.internal.names;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Deterministic Kubernetes names: DNS labels and subdomains, derived names that stay within the length limits. */
public final class Names {

    /** RFC 1123 label: what namespaces, Services and most names must be. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /** The name part of a label or annotation key. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

    /** IANA service name: what a named container port must be. */
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    public static final int MAX_LABEL = 63;

    private static final int HASH_LENGTH = 8;

    private Names() {}

    public static boolean isDnsLabel(String name) {
        return name != null
                && name.length() <= MAX_LABEL
                && DNS_LABEL.matcher(name).matches();
    }

    public static boolean isDnsSubdomain(String name) {
        return name != null
                && name.length() <= 253
                && DNS_SUBDOMAIN.matcher(name).matches();
    }

    /** A label or annotation key: an optional DNS subdomain prefix and {@code /}, then a name of at most 63 characters. */
    public static boolean isQualifiedName(String key) {
        if (key == null) {
            return false;
        }
        int slash = key.indexOf('/');
        return (slash < 0 || isDnsSubdomain(key.substring(0, slash)))
                && QUALIFIED_NAME.matcher(key.substring(slash + 1)).matches();
    }

    /** A container port name: at most 15 characters, lower-case letters, digits and inner dashes, one letter. */
    public static boolean isPortName(String name) {
        return name != null
                && name.length() <= 15
                && PORT_NAME.matcher(name).matches()
                && name.chars().anyMatch(Character::isLetter)
                && !name.contains("--");
    }

    /**
     * Joins {@code parts} with dashes into a DNS label: lower case, other characters become dashes, dashes collapsed and
     * trimmed. A result longer than 63 characters keeps its start and ends with a hash of the whole, so that two long
     * names stay distinct and the same input always gives the same name.
     */
    public static String dnsLabel(String... parts) {
        String joined = String.join("-", parts).toLowerCase(Locale.ROOT);
        String cleaned = joined.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (cleaned.length() <= MAX_LABEL) {
            return cleaned;
        }
        String hash = sha256(joined).substring(0, HASH_LENGTH);
        String head = cleaned.substring(0, MAX_LABEL - HASH_LENGTH - 1).replaceAll("-+$", "");
        return head + "-" + hash;
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
