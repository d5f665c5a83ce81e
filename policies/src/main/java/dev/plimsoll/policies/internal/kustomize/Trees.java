package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.Position;
import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.SequenceNode;
import java.util.IdentityHashMap;
import java.util.Map;

/** Conversions between the reader's positioned {@link Node} trees and the renderer's mutable {@link KNode} trees. */
final class Trees {

    private Trees() {}

    /**
     * A parsed node as Kustomize holds it, every node remembering {@code file} and its position. A plain scalar that
     * go-yaml v3 reads as a timestamp becomes the string Kustomize prints for it.
     */
    static KNode fromNode(Node node, String file) {
        return fromNode(node, file, 0, 0);
    }

    /** As {@link #fromNode(Node, String)}, with positions shifted (for a document embedded in a block scalar). */
    static KNode fromNode(Node node, String file, int lineOffset, int columnOffset) {
        int line = node.line() + lineOffset;
        int column = node.column() + columnOffset;
        if (node instanceof MappingNode mapping) {
            KMap map = new KMap(file, line, column);
            for (MappingNode.Entry entry : mapping.entries()) {
                KNode value = fromNode(entry.value(), file, lineOffset, columnOffset);
                value.keyLine = entry.key().line() + lineOffset;
                value.keyColumn = entry.key().column() + columnOffset;
                map.fields.put(entry.key().value(), value);
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            KList list = new KList(file, line, column);
            for (Node item : sequence.items()) {
                list.items.add(fromNode(item, file, lineOffset, columnOffset));
            }
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.type() == ScalarNode.Type.STRING && !scalar.quoted()) {
            String time = Timestamps.rfc3339(scalar.value());
            if (time != null) {
                return new KScalar(file, line, column, time, ScalarNode.Type.STRING);
            }
        }
        return new KScalar(file, line, column, scalar.value(), scalar.type());
    }

    /**
     * A built tree as positioned nodes; {@code files} receives, for each node whose file differs from its parent's
     * (or the root's), the file that wrote it.
     */
    static Node toNode(KNode node, String parentFile, Map<Node, String> files) {
        Position position = new Position(Math.max(node.line, 1), Math.max(node.column, 1));
        Node out;
        if (node instanceof KMap map) {
            MappingNode mapping = new MappingNode(position);
            for (Map.Entry<String, KNode> entry : map.fields.entrySet()) {
                KNode value = entry.getValue();
                Position keyPosition = new Position(Math.max(value.keyLine, 1), Math.max(value.keyColumn, 1));
                ScalarNode key = new ScalarNode(keyPosition, entry.getKey(), ScalarNode.Type.STRING, false);
                mapping.put(key, toNode(value, node.file, files));
                if (value.file != null && !value.file.equals(node.file)) {
                    files.put(key, value.file);
                }
            }
            out = mapping;
        } else if (node instanceof KList list) {
            SequenceNode sequence = new SequenceNode(position);
            for (KNode item : list.items) {
                sequence.add(toNode(item, node.file, files));
            }
            out = sequence;
        } else {
            KScalar scalar = (KScalar) node;
            out = new ScalarNode(position, scalar.value, scalar.type, scalar.type == ScalarNode.Type.STRING);
        }
        if (node.file != null && !node.file.equals(parentFile)) {
            files.put(out, node.file);
        }
        return out;
    }

    static Map<Node, String> newFileMap() {
        return new IdentityHashMap<>();
    }

    /** True for a missing node or a null scalar ({@code IsMissingOrNull} with kyaml's tagged nulls). */
    static boolean isMissingOrNull(KNode node) {
        return node == null || (node instanceof KScalar scalar && scalar.isNull() && scalar.taggedNull);
    }
}
