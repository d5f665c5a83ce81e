package dev.plimsoll.policies.internal.engine;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.config.LintConfig;
import dev.plimsoll.policies.manifest.Manifest;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code plimsoll.dev/waive.<rule-id>} annotations: reports invalid and expired ones, and excuses the findings
 * of valid ones on the object that carries them.
 */
final class Waivers {

    private final LintConfig config;
    private final Set<String> knownRules;
    private final LocalDate today;

    Waivers(LintConfig config, Set<String> knownRules, LocalDate today) {
        this.config = config;
        this.knownRules = knownRules;
        this.today = today;
    }

    /** The {@code waiver-invalid} and {@code waiver-expired} findings for the annotations of {@code object}. */
    List<Finding> check(Manifest object) {
        throw new UnsupportedOperationException("waivers are not built yet: " + config + knownRules + today + object);
    }

    /** {@code finding}, waived when {@code object} (the object it was reported on) carries a valid waiver for it. */
    Finding apply(Finding finding, Manifest object) {
        throw new UnsupportedOperationException("waivers are not built yet: " + finding + object);
    }
}
