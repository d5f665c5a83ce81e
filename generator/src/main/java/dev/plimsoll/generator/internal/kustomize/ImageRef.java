package dev.plimsoll.generator.internal.kustomize;

/**
 * A container image reference split the way Kustomize's {@code images} field sees it: {@code name[:tag][@digest]},
 * where a colon belongs to the tag only after the last slash (so a registry port stays in the name).
 */
record ImageRef(String name, String tag, String digest) {

    static ImageRef parse(String image) {
        String rest = image;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageRef(rest, tag, digest);
    }

    /** True when there is neither tag nor digest. */
    boolean bare() {
        return tag == null && digest == null;
    }

    @Override
    public String toString() {
        return name + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
