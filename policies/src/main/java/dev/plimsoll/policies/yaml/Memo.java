package dev.plimsoll.policies.yaml;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers a pure function's results for keys that repeat across the documents of a run (mapping keys, labels,
 * image names, the key sets of like objects), up to a bound, after which it just computes. Thread-safe.
 */
final class Memo<K, V> {

    private final Map<K, V> results = new ConcurrentHashMap<>();
    private final Function<K, V> function;
    private final int maxEntries;

    Memo(Function<K, V> function, int maxEntries) {
        this.function = function;
        this.maxEntries = maxEntries;
    }

    V get(K key) {
        V result = results.get(key);
        if (result == null) {
            result = function.apply(key);
            if (results.size() < maxEntries) {
                results.put(key, result);
            }
        }
        return result;
    }
}
