package dev.plimsoll.policies.internal.kustomize;

/** A resource's identity: type, name and namespace (kyaml {@code resid/resid.go}). */
record ResId(Gvk gvk, String name, String namespace) {

    ResId {
        name = name == null ? "" : name;
        namespace = namespace == null ? "" : namespace;
    }

    /** The namespace with {@code ""} read as {@code default}, and none for cluster-scoped types. */
    String effectiveNamespace() {
        if (gvk.isClusterScoped()) {
            return "";
        }
        return namespace.isEmpty() ? "default" : namespace;
    }

    boolean isNsEquals(ResId other) {
        return effectiveNamespace().equals(other.effectiveNamespace());
    }

    /** Same type, name and effective namespace: the identity a resource map keeps unique. */
    boolean equalsId(ResId other) {
        return gvk.equals(other.gvk) && name.equals(other.name) && isNsEquals(other);
    }

    boolean isClusterScoped() {
        return gvk.isClusterScoped();
    }

    /**
     * {@code Kind.version.group/name.namespace} with {@code [noGrp]}, {@code [noNs]} and the like for empty parts: the
     * form Kustomize v5 prints ids in its errors (api/resid {@code ResId.String}, e.g. {@code
     * Service.v1.[noGrp]/web.[noNs]}).
     */
    @Override
    public String toString() {
        return gvk.display() + "/" + (name.isEmpty() ? "[noName]" : name) + "."
                + (namespace.isEmpty() ? "[noNs]" : namespace);
    }
}
