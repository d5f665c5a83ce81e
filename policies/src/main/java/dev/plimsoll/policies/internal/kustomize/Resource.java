package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.ScalarNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One object being built, with the bookkeeping Kustomize keeps in build annotations ({@code
 * internal.config.kubernetes.io/previousNames}, {@code prefixes}, {@code refBy}, generator behaviour and hash flag;
 * kustomize {@code api/resource/resource.go}). They are fields here, never written into the object; what writing them
 * would have done to the object's own annotations (every value rewritten as a string, an emptied map removed) is
 * applied once at the end, see {@link #finishAnnotations()}. Kustomize's reader writes such annotations on every
 * object it reads, so that happens to every object.
 */
final class Resource {

    static final String NOT_NAMESPACEABLE = "_non_namespaceable_";

    /** Generator behaviour ({@code types.GenerationBehavior}). */
    enum Behavior {
        UNSPECIFIED,
        CREATE,
        REPLACE,
        MERGE
    }

    KMap root;
    /** The file and document the object was read from (or the kustomization that generated it). */
    final String file;

    final int documentIndex;

    final List<ResId> previousIds = new ArrayList<>();
    final List<String> prefixes = new ArrayList<>();
    final List<String> suffixes = new ArrayList<>();
    final List<ResId> refBy = new ArrayList<>();
    final List<String> refVarNames = new ArrayList<>();
    Behavior behavior = Behavior.UNSPECIFIED;
    boolean needsHashSuffix;
    /** The patches and transformers that changed this object, by file, in order; for source mapping. */
    final List<String> touchedBy = new ArrayList<>();

    Resource(KMap root, String file, int documentIndex) {
        this.root = root;
        this.file = file;
        this.documentIndex = documentIndex;
    }

    Resource deepCopy() {
        Resource copy = new Resource(root.copy(), file, documentIndex);
        copy.previousIds.addAll(previousIds);
        copy.prefixes.addAll(prefixes);
        copy.suffixes.addAll(suffixes);
        copy.refBy.addAll(refBy);
        copy.refVarNames.addAll(refVarNames);
        copy.behavior = behavior;
        copy.needsHashSuffix = needsHashSuffix;
        copy.touchedBy.addAll(touchedBy);
        return copy;
    }

    String apiVersion() {
        String value = root.string("apiVersion");
        return value == null ? "" : value;
    }

    String kind() {
        String value = root.string("kind");
        return value == null ? "" : value;
    }

    Gvk gvk() {
        return Gvk.of(apiVersion(), kind());
    }

    KMap metadata() {
        return root.map("metadata");
    }

    String name() {
        KMap metadata = metadata();
        String value = metadata == null ? null : metadata.string("name");
        return value == null ? "" : value;
    }

    String namespace() {
        KMap metadata = metadata();
        String value = metadata == null ? null : metadata.string("namespace");
        return value == null ? "" : value;
    }

    ResId curId() {
        return new ResId(gvk(), name(), namespace());
    }

    /** The first previous id, or the current one (kustomize {@code OrgId}). */
    ResId orgId() {
        return previousIds.isEmpty() ? curId() : previousIds.get(0);
    }

    /** Records the current id as a previous one, with its effective namespace ({@code StorePreviousId}). */
    void storePreviousId() {
        ResId id = curId();
        String namespace = id.isClusterScoped() ? NOT_NAMESPACEABLE : id.effectiveNamespace();
        previousIds.add(new ResId(id.gvk(), id.name(), namespace));
    }

    void addPrefix(String prefix) {
        if (!prefix.isEmpty()) {
            prefixes.add(prefix);
        }
    }

    void addSuffix(String suffix) {
        if (!suffix.isEmpty()) {
            suffixes.add(suffix);
        }
    }

    void appendRefBy(ResId id) {
        refBy.add(id);
    }

    /** Sets {@code metadata.name}, keeping the node (and so the position) of the name it replaces. */
    void setName(String name, KNode origin) {
        setMetadataString("name", name, origin);
    }

    void setNamespace(String namespace, KNode origin) {
        setMetadataString("namespace", namespace, origin);
    }

    private void setMetadataString(String key, String value, KNode origin) {
        KMap metadata = root.mapCreate("metadata");
        KNode existing = metadata.get(key);
        if (existing instanceof KScalar scalar) {
            scalar.value = value;
            scalar.type = ScalarNode.Type.STRING;
            scalar.taggedNull = false;
            if (origin != null) {
                scalar.file = origin.file;
                scalar.line = origin.line;
                scalar.column = origin.column;
            }
        } else {
            metadata.put(key, KScalar.string(value, origin == null ? metadata : origin));
        }
    }

    /**
     * What removing the build annotations does to the object's own annotations: each value becomes a string (its text
     * as written), and an empty or null map is removed ({@code RemoveBuildAnnotations} through kyaml {@code
     * SetAnnotations}).
     */
    void finishAnnotations() {
        KMap metadata = metadata();
        if (metadata == null) {
            return;
        }
        KNode annotations = metadata.get("annotations");
        if (annotations == null) {
            return;
        }
        if (!(annotations instanceof KMap map) || map.isEmpty()) {
            metadata.remove("annotations");
            return;
        }
        for (String key : map.keys()) {
            if (map.get(key) instanceof KScalar scalar) {
                scalar.type = ScalarNode.Type.STRING;
                scalar.taggedNull = false;
            }
        }
    }

    @Override
    public String toString() {
        return curId().toString();
    }
}
