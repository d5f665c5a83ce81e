package dev.plimsoll.policies.internal.kustomize;

import java.util.ArrayList;
import java.util.List;

/**
 * Dotted field paths of replacements and vars (kyaml {@code utils.SmarterPathSplitter}): split on {@code .} except
 * where escaped or inside {@code [...]}; brackets around a plain key ({@code [a.b/c]}) are removed, those around a
 * list selector ({@code [name=x]}) kept.
 */
final class Paths {

    private Paths() {}

    static List<String> split(String path) {
        List<String> parts = FieldSpec.splitOn(path, '.');
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.startsWith("[") && !part.endsWith("]")) {
                StringBuilder bracketed = new StringBuilder(part);
                while (i < parts.size() - 1) {
                    i++;
                    bracketed.append('.').append(parts.get(i));
                    if (parts.get(i).endsWith("]")) {
                        break;
                    }
                }
                joined.add(bracketed.toString());
            } else {
                joined.add(part);
            }
        }
        List<String> out = new ArrayList<>();
        for (String part : joined) {
            if (part.startsWith("[") && part.endsWith("]") && !part.contains("=")) {
                out.add(part.substring(1, part.length() - 1));
            } else if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
