package dev.plimsoll.generator.testing;

import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.Callable;

/**
 * Runs code under a default locale and time zone under which locale-sensitive code differs: Turkish lower-cases
 * {@code "I"} to a dotless {@code "ı"}, and UTC+14 is another day and hour than most machines'. Generated names and bytes
 * must not depend on them.
 */
public final class ForeignDefaults {

    public static final String DESCRIPTION = "tr-TR and UTC+14";

    private ForeignDefaults() {}

    /** The result of {@code action}, run with the foreign defaults; the JVM's defaults are restored after it. */
    public static <T> T call(Callable<T> action) throws Exception {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            return action.call();
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }
}
