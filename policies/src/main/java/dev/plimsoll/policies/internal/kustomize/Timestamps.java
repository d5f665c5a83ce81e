package dev.plimsoll.policies.internal.kustomize;

/**
 * Kustomize reads a plain scalar that looks like a timestamp as a time ({@code parseTimestamp} in go-yaml v3 {@code
 * resolve.go}: layouts {@code 2006-1-2T15:4:5.999999999Z07:00}, the same with {@code t}, {@code 2006-1-2
 * 15:4:5.999999999} and {@code 2006-1-2}, through Go's {@code time.Parse}), and prints it as JSON does, in RFC 3339
 * with nanoseconds ({@code time.Time.MarshalJSON}).
 */
final class Timestamps {

    private Timestamps() {}

    /** The RFC 3339 text Kustomize prints for {@code text}, or null when it is no timestamp. */
    static String rfc3339(String text) {
        int n = text.length();
        if (n < 5) {
            return null;
        }
        for (int i = 0; i < 4; i++) {
            if (!digit(text.charAt(i))) {
                return null;
            }
        }
        if (text.charAt(4) != '-') {
            return null;
        }
        int[] at = {5};
        int year = Integer.parseInt(text.substring(0, 4));
        int month = number(text, at);
        if (month < 1 || month > 12 || !literal(text, at, '-')) {
            return null;
        }
        int day = number(text, at);
        if (day < 1 || day > daysIn(month, year)) {
            return null;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        String fraction = "";
        String zone = "Z";
        if (at[0] < n) {
            char separator = text.charAt(at[0]);
            boolean zoned;
            if (separator == 'T' || separator == 't') {
                at[0]++;
                zoned = true;
            } else if (separator == ' ') {
                while (at[0] < n && text.charAt(at[0]) == ' ') {
                    at[0]++;
                }
                zoned = false;
            } else {
                return null;
            }
            hour = number(text, at);
            if (hour < 0 || hour > 23 || !literal(text, at, ':')) {
                return null;
            }
            minute = number(text, at);
            if (minute < 0 || minute > 59 || !literal(text, at, ':')) {
                return null;
            }
            second = number(text, at);
            if (second < 0 || second > 59) {
                return null;
            }
            if (at[0] + 1 < n
                    && (text.charAt(at[0]) == '.' || text.charAt(at[0]) == ',')
                    && digit(text.charAt(at[0] + 1))) {
                int start = at[0] + 1;
                int end = start;
                while (end < n && digit(text.charAt(end))) {
                    end++;
                }
                fraction = text.substring(start, Math.min(end, start + 9));
                at[0] = end;
            }
            if (zoned) {
                if (at[0] >= n) {
                    return null;
                }
                if (text.charAt(at[0]) == 'Z') {
                    at[0]++;
                } else {
                    int i = at[0];
                    if (n - i < 6 || text.charAt(i + 3) != ':') {
                        return null;
                    }
                    char sign = text.charAt(i);
                    if ((sign != '+' && sign != '-')
                            || !digit(text.charAt(i + 1))
                            || !digit(text.charAt(i + 2))
                            || !digit(text.charAt(i + 4))
                            || !digit(text.charAt(i + 5))) {
                        return null;
                    }
                    int hours = Integer.parseInt(text.substring(i + 1, i + 3));
                    int minutes = Integer.parseInt(text.substring(i + 4, i + 6));
                    if (hours > 24 || minutes > 60) {
                        return null;
                    }
                    zone = hours == 0 && minutes == 0 ? "Z" : text.substring(i, i + 6);
                    at[0] = i + 6;
                }
            }
            if (at[0] != n) {
                return null;
            }
        }
        String trimmed = fraction.replaceAll("0+$", "");
        return String.format(
                "%04d-%02d-%02dT%02d:%02d:%02d%s%s",
                year, month, day, hour, minute, second, trimmed.isEmpty() ? "" : "." + trimmed, zone);
    }

    private static int number(String text, int[] at) {
        if (at[0] >= text.length() || !digit(text.charAt(at[0]))) {
            return -1;
        }
        int value = text.charAt(at[0]++) - '0';
        if (at[0] < text.length() && digit(text.charAt(at[0]))) {
            value = value * 10 + (text.charAt(at[0]++) - '0');
        }
        return value;
    }

    private static boolean literal(String text, int[] at, char c) {
        if (at[0] >= text.length() || text.charAt(at[0]) != c) {
            return false;
        }
        at[0]++;
        return true;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int daysIn(int month, int year) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
