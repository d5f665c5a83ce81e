package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.YamlReader;
import java.nio.charset.StandardCharsets;

/**
 * YAML embedded as a string in a kustomization ({@code patch: |}, inline {@code patchesStrategicMerge} entries):
 * parsed, with positions moved to where the text sits in the kustomization file, so that a value set by an inline
 * patch points at its line.
 */
final class Inline {

    private Inline() {}

    /** The embedded text's nodes, positioned in {@code kustomization}. */
    static YamlReader.Result parse(
            ScalarNode text, Kustomization kustomization, Workspace workspace, boolean resources) {
        return resources ? Workspace.parseResourceText(text.value()) : Workspace.parseConfigText(text.value());
    }

    /** Moves every position of {@code node} (parsed from {@code text}) to where the text sits in the file. */
    static KNode place(KNode node, ScalarNode text, Kustomization kustomization, Workspace workspace) {
        int[] offset = offset(text, kustomization, workspace);
        if (offset == null) {
            collapse(node, kustomization.file, text.line(), text.column());
        } else {
            shift(node, kustomization.file, offset[0], offset[1]);
        }
        return node;
    }

    /** Line and column offsets for a block scalar's content, or null for a flow scalar. */
    private static int[] offset(ScalarNode text, Kustomization kustomization, Workspace workspace) {
        String source =
                new String(workspace.read(kustomization.path, kustomization.file, null), StandardCharsets.UTF_8);
        String[] lines = source.split("\r?\n", -1);
        int line = text.line();
        if (line > lines.length) {
            return null;
        }
        String header = lines[line - 1];
        int column = text.column() - 1;
        if (column >= header.length() || (header.charAt(column) != '|' && header.charAt(column) != '>')) {
            return null;
        }
        for (int i = line; i < lines.length; i++) {
            String content = lines[i];
            if (!content.isBlank()) {
                int indent = 0;
                while (indent < content.length() && content.charAt(indent) == ' ') {
                    indent++;
                }
                return new int[] {line, indent};
            }
        }
        return null;
    }

    private static void shift(KNode node, String file, int lines, int columns) {
        node.file = file;
        node.line += lines;
        node.column += columns;
        node.keyLine += lines;
        node.keyColumn += columns;
        children(node, child -> shift(child, file, lines, columns));
    }

    private static void collapse(KNode node, String file, int line, int column) {
        node.at(file, line, column);
        children(node, child -> collapse(child, file, line, column));
    }

    private static void children(KNode node, java.util.function.Consumer<KNode> each) {
        if (node instanceof KMap map) {
            map.fields.values().forEach(each);
        } else if (node instanceof KList list) {
            list.items.forEach(each);
        }
    }

    static boolean isBlank(Node node) {
        return node == null
                || node.isNull()
                || (node instanceof ScalarNode scalar && scalar.value().isBlank());
    }
}
