package it;

import dev.plimsoll.generator.Environment;

/** Loaded only while the generator renders: the definition's class path must still be open then. */
final class Digests {

    private Digests() {}

    static String of(Environment environment) {
        return "sha256:" + (environment.name().equals("prod") ? "1" : "2").repeat(64);
    }
}
