package dev.plimsoll.policies.internal.load;

import dev.plimsoll.policies.LintRequest;
import dev.plimsoll.policies.config.LintConfig;

/** Turns a lint request's paths and sources into manifests with positions, reporting bad input as findings. */
public final class ManifestLoader {

    private final LintConfig config;

    public ManifestLoader(LintConfig config) {
        this.config = config;
    }

    public LoadResult load(LintRequest request) {
        throw new UnsupportedOperationException("loading is not built yet: " + config + request);
    }
}
