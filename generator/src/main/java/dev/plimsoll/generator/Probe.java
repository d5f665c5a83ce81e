package dev.plimsoll.generator;

import java.util.Objects;

/**
 * A readiness or liveness check against one of the app's named ports: an HTTP GET of {@code path}, or a TCP connect
 * when {@code path} is {@code null}.
 */
public record Probe(String path, String port, int periodSeconds, int failureThreshold) {

    public Probe {
        Objects.requireNonNull(port, "port");
    }

    /** HTTP GET {@code path} on the named port, every 10 seconds, failing after 3 misses. */
    public static Probe http(String path, String port) {
        return new Probe(Objects.requireNonNull(path, "path"), port, 10, 3);
    }

    /** A TCP connect to the named port, every 10 seconds, failing after 3 misses. */
    public static Probe tcp(String port) {
        return new Probe(null, port, 10, 3);
    }

    public Probe withPeriodSeconds(int seconds) {
        return new Probe(path, port, seconds, failureThreshold);
    }

    public Probe withFailureThreshold(int threshold) {
        return new Probe(path, port, periodSeconds, threshold);
    }
}
