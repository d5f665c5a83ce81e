package dev.plimsoll.policies.internal.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** plimsoll's version, as the build wrote it into {@code version.properties}. */
public final class ToolVersion {

    private static final String RESOURCE = "/dev/plimsoll/policies/version.properties";

    private ToolVersion() {}

    public static String current() {
        try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
