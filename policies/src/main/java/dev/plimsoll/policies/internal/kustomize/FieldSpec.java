package dev.plimsoll.policies.internal.kustomize;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a transformer reads or writes a field: a type selector and a path of field names, {@code /}-separated with
 * {@code \/} for a slash inside a name, where a sequence is walked through implicitly or marked {@code name[]}
 * (kustomize {@code types.FieldSpec}).
 */
record FieldSpec(Gvk gvk, String path, boolean create) {

    List<String> pathParts() {
        return split(path);
    }

    /** kustomize {@code utils.PathSplitter}: split on {@code /}, rejoining parts that end with a backslash. */
    static List<String> split(String path) {
        return splitOn(path, '/');
    }

    /** Splits on {@code delimiter}, rejoining parts that end with a backslash (the backslash dropped). */
    static List<String> splitOn(String path, char delimiter) {
        String[] parts = path.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1);
        List<String> out = new ArrayList<>();
        out.add(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            int last = out.size() - 1;
            if (out.get(last).endsWith("\\")) {
                String joined = out.get(last);
                out.set(last, joined.substring(0, joined.length() - 1) + delimiter + parts[i]);
            } else {
                out.add(parts[i]);
            }
        }
        return out;
    }

    /** Same path, and each type selects the other ({@code FieldSpec.effectivelyEquals}). */
    boolean effectivelyEquals(FieldSpec other) {
        return path.equals(other.path) && gvk.isSelectedBy(other.gvk) && other.gvk.isSelectedBy(gvk);
    }

    /** Adds {@code spec} unless an equal one is there; a twin with a different create flag is a conflict. */
    static List<FieldSpec> mergeOne(List<FieldSpec> specs, FieldSpec spec, String file) {
        for (FieldSpec existing : specs) {
            if (existing.effectivelyEquals(spec)) {
                if (existing.create != spec.create) {
                    throw KustomizeError.failed(file, "conflicting fieldspecs for path " + spec.path);
                }
                return specs;
            }
        }
        List<FieldSpec> out = new ArrayList<>(specs);
        out.add(spec);
        return out;
    }

    static List<FieldSpec> mergeAll(List<FieldSpec> specs, List<FieldSpec> more, String file) {
        List<FieldSpec> out = specs;
        for (FieldSpec spec : more) {
            out = mergeOne(out, spec, file);
        }
        return out;
    }
}
