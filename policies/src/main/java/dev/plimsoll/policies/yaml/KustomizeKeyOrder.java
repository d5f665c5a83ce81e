package dev.plimsoll.policies.yaml;

import java.util.Arrays;
import java.util.List;

/**
 * The order in which {@code kubectl kustomize} prints mapping keys: go-yaml v2's "natural" key order, because kustomize
 * prints each resource with {@code sigs.k8s.io/yaml.JSONToYAML}, which marshals a {@code map[interface{}]interface{}}
 * through go-yaml v2 ({@code sigs.k8s.io/yaml/goyaml.v2}, a copy of {@code gopkg.in/yaml.v2}).
 *
 * <p>Port of {@code keyList.Less} in go-yaml v2 {@code sorter.go}: letters sort after every other character, runs of
 * digits compare by numeric value ({@code a9 < a10}), everything else by code point. Not byte order: {@code a_b}
 * sorts before {@code aB}, {@code $patch} before {@code -}.
 */
final class KustomizeKeyOrder {

    /** Go's {@code sort.Sort} uses insertion sort up to this many elements (pdqsort's {@code maxInsertion}). */
    private static final int INSERTION_SORT_MAX = 12;

    private KustomizeKeyOrder() {}

    /** The keys in kustomize's order. */
    static String[] sorted(List<String> keys) {
        int n = keys.size();
        Key[] sorted = new Key[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = new Key(keys.get(i));
        }
        if (n <= INSERTION_SORT_MAX) {
            insertionSort(sorted);
        } else {
            try {
                Arrays.sort(sorted, KustomizeKeyOrder::compare);
            } catch (IllegalArgumentException inconsistent) {
                // The natural order is not provably transitive for every mix of digits and zeros; never fail on it.
                insertionSort(sorted);
            }
        }
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = sorted[i].text;
        }
        return out;
    }

    /** Exactly Go's {@code insertionSort}, so that small maps come out as go-yaml orders them. */
    private static void insertionSort(Key[] keys) {
        for (int i = 1; i < keys.length; i++) {
            for (int j = i; j > 0 && less(keys[j].codePoints, keys[j - 1].codePoints); j--) {
                Key swap = keys[j];
                keys[j] = keys[j - 1];
                keys[j - 1] = swap;
            }
        }
    }

    private static int compare(Key a, Key b) {
        if (a.text.equals(b.text)) {
            return 0;
        }
        return less(a.codePoints, b.codePoints) ? -1 : 1;
    }

    /** {@code keyList.Less} for two string keys (JSON object keys are always strings). */
    static boolean less(int[] ar, int[] br) {
        for (int i = 0; i < ar.length && i < br.length; i++) {
            if (ar[i] == br[i]) {
                continue;
            }
            boolean al = Character.isLetter(ar[i]);
            boolean bl = Character.isLetter(br[i]);
            if (al && bl) {
                return ar[i] < br[i];
            }
            if (al || bl) {
                return bl;
            }
            long an = 0;
            long bn = 0;
            if (ar[i] == '0' || br[i] == '0') {
                for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
                    if (ar[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai = i;
            for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
                an = an * 10 + (ar[ai] - '0');
            }
            int bi = i;
            for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
                bn = bn * 10 + (br[bi] - '0');
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai != bi) {
                return ai < bi;
            }
            return ar[i] < br[i];
        }
        return ar.length < br.length;
    }

    private record Key(String text, int[] codePoints) {
        Key(String text) {
            this(text, text.codePoints().toArray());
        }
    }
}
