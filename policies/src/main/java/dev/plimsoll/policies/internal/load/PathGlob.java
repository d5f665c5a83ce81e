package dev.plimsoll.policies.internal.load;

import java.util.regex.Pattern;

/**
 * A path glob from {@code plimsoll.yaml}, matched against {@code /}-separated paths relative to the lint root.
 *
 * <p>{@code *} matches any run of characters within one path segment, {@code ?} one character other than {@code /},
 * {@code **} any run of characters across segments ({@code **}{@code /} also matches no directory at all, so {@code
 * **}{@code /*.yaml} matches {@code app.yaml}), {@code {a,b}} either alternative, {@code [abc]}, {@code [a-z]} and
 * {@code [!a]} one character of a class. A glob is anchored at the lint root (a leading {@code ./} or {@code /} is
 * ignored) and, as in {@code .gitignore}, a glob that matches a directory matches everything under it: {@code
 * overlays/prod} and {@code overlays/prod/**} mean the same. Unlike {@code FileSystem.getPathMatcher("glob:…")},
 * this is the same on every OS. A glob that does not compile (an unclosed brace) matches its own text only.
 */
final class PathGlob {

    private final String glob;
    private final Pattern pattern;

    private PathGlob(String glob, Pattern pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    static PathGlob compile(String glob) {
        String body = glob;
        while (body.startsWith("./")) {
            body = body.substring(2);
        }
        while (body.startsWith("/")) {
            body = body.substring(1);
        }
        while (body.endsWith("/")) {
            body = body.substring(0, body.length() - 1);
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(toRegex(body) + "(?:/.*)?");
        } catch (IllegalArgumentException e) {
            pattern = Pattern.compile(Pattern.quote(body) + "(?:/.*)?");
        }
        return new PathGlob(glob, pattern);
    }

    boolean matches(String path) {
        return pattern.matcher(path).matches();
    }

    @Override
    public String toString() {
        return glob;
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int groups = 0;
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                if (segmentStart && i + 2 < glob.length() && glob.charAt(i + 2) == '/') {
                    regex.append("(?:.*/)?");
                    i += 3;
                } else {
                    regex.append(".*");
                    i += 2;
                }
                continue;
            }
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '{' -> {
                    regex.append("(?:");
                    groups++;
                }
                case '}' -> {
                    if (groups == 0) {
                        throw new IllegalArgumentException("unbalanced } in " + glob);
                    }
                    regex.append(')');
                    groups--;
                }
                case ',' -> regex.append(groups > 0 ? "|" : ",");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        throw new IllegalArgumentException("unclosed [ in " + glob);
                    }
                    String members = glob.substring(i + 1, close);
                    if (members.startsWith("!")) {
                        members = "^" + members.substring(1);
                    }
                    String escaped =
                            members.replace("\\", "\\\\").replace("[", "\\[").replace("&", "\\&");
                    regex.append("(?!/)[").append(escaped).append(']');
                    i = close;
                }
                default -> {
                    if ("\\.^$+()|".indexOf(c) >= 0) {
                        regex.append('\\');
                    }
                    regex.append(c);
                }
            }
            i++;
        }
        if (groups != 0) {
            throw new IllegalArgumentException("unclosed { in " + glob);
        }
        return regex.toString();
    }
}
