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
 *
 * <p>That order is not transitive ({@code 0x1 < 1 < 06 < 0x1}, as with hash-named keys of a CA bundle). go-yaml sorts
 * the keys in Go's random map order, so for such key sets {@code kubectl kustomize} itself prints a different order
 * from run to run. Here the keys are put in code-unit order first and then merge-sorted, so that the result depends on
 * the set of keys only, never on insertion order; for every transitive key set it is kustomize's one order.
 */
final class KustomizeKeyOrder {

    private KustomizeKeyOrder() {}

    /** Key sets up to this size have their order remembered: like objects have like key sets. */
    private static final int MEMO_KEYS = 32;

    private static final Memo<List<String>, String[]> ORDERS = new Memo<>(KustomizeKeyOrder::order, 10_000);

    /** The keys in kustomize's order; the caller must not change the array. */
    static String[] sorted(List<String> keys) {
        return keys.size() > MEMO_KEYS ? order(keys) : ORDERS.get(List.copyOf(keys));
    }

    private static String[] order(List<String> keys) {
        String[] byCodeUnits = keys.toArray(new String[0]);
        Arrays.sort(byCodeUnits);
        Key[] data = new Key[byCodeUnits.length];
        for (int i = 0; i < data.length; i++) {
            data[i] = new Key(byCodeUnits[i]);
        }
        mergeSort(data, data.clone(), 0, data.length);
        String[] out = new String[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i].text;
        }
        return out;
    }

    /** A stable merge sort of {@code data[from, to)}, which never rejects an inconsistent order as TimSort may. */
    private static void mergeSort(Key[] data, Key[] scratch, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(data, scratch, from, middle);
        mergeSort(data, scratch, middle, to);
        System.arraycopy(data, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            boolean takeRight =
                    left >= middle || (right < to && less(scratch[right].codePoints, scratch[left].codePoints));
            data[i] = takeRight ? scratch[right++] : scratch[left++];
        }
    }

    /** {@code keyList.Less} for two string keys (JSON object keys are always strings), on code points. */
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
            this(text, codePoints(text));
        }

        private static int[] codePoints(String text) {
            int[] out = new int[text.length()];
            int n = 0;
            for (int i = 0; i < text.length(); n++) {
                int c = text.codePointAt(i);
                out[n] = c;
                i += Character.charCount(c);
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }
    }
}
