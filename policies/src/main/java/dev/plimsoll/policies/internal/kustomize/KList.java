package dev.plimsoll.policies.internal.kustomize;

import java.util.ArrayList;

/** A sequence. */
final class KList extends KNode {

    final ArrayList<KNode> items = new ArrayList<>();

    KList(String file, int line, int column) {
        super(file, line, column);
    }

    static KList like(KNode like) {
        return new KList(like.file, like.line, like.column);
    }

    int size() {
        return items.size();
    }

    @Override
    KList copy() {
        KList copy = new KList(file, line, column);
        copyOriginTo(copy);
        for (KNode item : items) {
            copy.items.add(item.copy());
        }
        return copy;
    }
}
