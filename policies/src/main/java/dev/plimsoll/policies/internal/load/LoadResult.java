package dev.plimsoll.policies.internal.load;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.manifest.Manifest;
import java.util.List;

/**
 * What loading the inputs produced: the Kubernetes objects in a deterministic order (by file, then document), the
 * input problems found on the way (as findings of {@link dev.plimsoll.policies.rule.Diagnostic}s), and counts.
 */
public record LoadResult(List<Manifest> manifests, List<Finding> problems, Report.Stats stats) {

    public LoadResult {
        manifests = List.copyOf(manifests);
        problems = List.copyOf(problems);
    }
}
