package dev.plimsoll.policies.internal.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Resources in order, unique by current id (kustomize {@code api/resmap/reswrangler.go}). */
final class ResMap {

    final List<Resource> resources = new ArrayList<>();

    List<Resource> all() {
        return resources;
    }

    int size() {
        return resources.size();
    }

    /** Appends, failing on a resource whose current id is already there. */
    void append(Resource resource, String file) {
        ResId id = resource.curId();
        for (Resource existing : resources) {
            if (existing.curId().equalsId(id)) {
                throw KustomizeError.failed(
                        file, "may not add resource with an already registered id: " + idString(id));
            }
        }
        resources.add(resource);
    }

    void appendAll(ResMap other, String file) {
        for (Resource resource : other.resources) {
            append(resource, file);
        }
    }

    List<Resource> matchingCurrentId(Predicate<ResId> predicate) {
        List<Resource> out = new ArrayList<>();
        for (Resource resource : resources) {
            if (predicate.test(resource.curId())) {
                out.add(resource);
            }
        }
        return out;
    }

    /** Resources whose current or any previous id satisfies {@code predicate} ({@code GetMatchingResourcesByAnyId}). */
    List<Resource> matchingAnyId(Predicate<ResId> predicate) {
        List<Resource> out = new ArrayList<>();
        for (Resource resource : resources) {
            boolean match = predicate.test(resource.curId());
            for (int i = 0; !match && i < resource.previousIds.size(); i++) {
                match = predicate.test(resource.previousIds.get(i));
            }
            if (match) {
                out.add(resource);
            }
        }
        return out;
    }

    void replace(Resource old, Resource replacement) {
        resources.set(resources.indexOf(old), replacement);
    }

    void remove(Resource resource) {
        resources.remove(resource);
    }

    /** An id as Kustomize prints it in errors ({@code ResId.String}). */
    static String idString(ResId id) {
        return id.toString();
    }
}
