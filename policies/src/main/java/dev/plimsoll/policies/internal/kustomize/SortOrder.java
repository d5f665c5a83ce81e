package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.kustomize.LegacyOrder;
import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.ScalarNode;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The output order (kustomize {@code SortOrderTransformer}, default {@code legacy} in {@code kubectl kustomize}):
 * Namespace, ResourceQuota, StorageClass, CustomResourceDefinition, ServiceAccount, … first, webhook configurations
 * last, then by group/version/kind, namespace and name, compared as bytes. {@code sortOptions: {order: fifo}} keeps
 * the build order.
 */
final class SortOrder {

    private static final List<String> ORDER_FIRST = LegacyOrder.FIRST;
    private static final List<String> ORDER_LAST = LegacyOrder.LAST;

    private SortOrder() {}

    static void sort(List<Resource> resources, Kustomization kustomization) {
        List<String> first = ORDER_FIRST;
        List<String> last = ORDER_LAST;
        Node options = kustomization.get("sortOptions");
        if (options instanceof MappingNode mapping) {
            String file = kustomization.file;
            String order = Kustomization.stringOf(mapping, "order", file);
            Node legacy = mapping.get("legacySortOptions");
            if ("fifo".equals(order)) {
                if (legacy != null && !legacy.isNull()) {
                    throw Kustomization.at(
                            file,
                            legacy,
                            "the field 'sortOptions.legacySortOptions' is set but the selected sort order is 'fifo', not 'legacy'");
                }
                return;
            }
            if (!"legacy".equals(order)) {
                throw Kustomization.at(file, mapping, "the field 'sortOptions.order' must be one of [fifo, legacy]");
            }
            if (legacy instanceof MappingNode legacyOptions) {
                first = strings(legacyOptions.get("orderFirst"), file);
                last = strings(legacyOptions.get("orderLast"), file);
            }
        }
        Map<String, Integer> typeOrders = new HashMap<>();
        for (int i = 0; i < first.size(); i++) {
            typeOrders.put(first.get(i), -first.size() + i);
        }
        for (int i = 0; i < last.size(); i++) {
            typeOrders.put(last.get(i), 1 + i);
        }
        Comparator<Resource> byType = Comparator.comparingInt(r -> typeOrders.getOrDefault(r.kind(), 0));
        resources.sort(byType.thenComparing(r -> r.curId().gvk().toString(), SortOrder::bytes)
                .thenComparing(SortOrder::idString, SortOrder::bytes));
    }

    private static List<String> strings(Node node, String file) {
        return Kustomization.stringsOf(node, "legacySortOptions", file).stream()
                .map(ScalarNode::value)
                .toList();
    }

    private static String idString(Resource resource) {
        ResId id = resource.curId();
        return id.gvk() + "|" + (id.namespace().isEmpty() ? "~X" : id.namespace()) + "|"
                + (id.name().isEmpty() ? "~N" : id.name());
    }

    private static int bytes(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(x[i] & 0xff, y[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
