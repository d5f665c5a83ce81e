package dev.plimsoll.policies;

import java.util.Comparator;
import java.util.Objects;

/** Identifies a Kubernetes object; {@code namespace} is {@code ""} when the manifest does not set one. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name)
        implements Comparable<ObjectRef> {

    private static final Comparator<ObjectRef> ORDER = Comparator.comparing(ObjectRef::kind)
            .thenComparing(ObjectRef::namespace)
            .thenComparing(ObjectRef::name)
            .thenComparing(ObjectRef::apiVersion);

    public ObjectRef {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    /** {@code Kind/name} or {@code Kind ns/name}, as the text report prints it. */
    public String display() {
        return namespace.isEmpty() ? kind + "/" + name : kind + " " + namespace + "/" + name;
    }

    @Override
    public int compareTo(ObjectRef other) {
        return ORDER.compare(this, other);
    }
}
