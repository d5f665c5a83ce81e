package dev.plimsoll.policies.internal.load;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.Position;
import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.SequenceNode;
import java.util.Optional;

/**
 * Tells Helm chart templates from rendered manifests. Rendered manifests carry Go templates in strings too
 * (Alertmanager and Argo CD notification templates, Prometheus rule annotations with {@code {{ $labels.instance }}},
 * Istio's injection template in a ConfigMap), so a <code>{{</code> alone proves nothing: a document counts as a Helm
 * template only where an expression uses what exists in Helm alone ({@code .Values.}, {@code .Release.}, {@code
 * include "…"}, …) in a plain or quoted scalar; block scalars ({@code |}, {@code >}) are data that some program other
 * than Helm renders, or Helm content embedded on purpose. A document that does not parse is a Helm template when such
 * an expression appears anywhere in it.
 */
final class HelmTemplates {

    private static final String[] HELM_ONLY = {
        ".Values.", ".Release.", ".Chart.", ".Capabilities.", ".Files.", "include \"", "toYaml"
    };

    private static final int SHOWN_EXPRESSION = 60;

    private HelmTemplates() {}

    /** True when {@code bytes} hold a <code>{{</code> at all; only then is a closer look worth its cost. */
    static boolean mayHoldTemplates(byte[] bytes) {
        // Every pair of adjacent bytes has one at an odd index: look at those only.
        for (int i = 1; i < bytes.length; i += 2) {
            if (bytes[i] == '{' && (bytes[i - 1] == '{' || (i + 1 < bytes.length && bytes[i + 1] == '{'))) {
                return true;
            }
        }
        return false;
    }

    /**
     * For a syntax error at {@code error}: the position of the first <code>{{</code> of the document that failed, when
     * that document uses a Helm-only expression. A Go template of another tool left unquoted (a PrometheusRule's
     * {@code summary: {{ $labels.instance }} is down}) is a plain syntax error.
     */
    static Optional<Position> syntaxError(SourceText text, Position error) {
        int errorLine = Math.min(error.line(), text.lineCount());
        int from = text.lineStart(documentStart(text, errorLine));
        int to = documentEnd(text, errorLine);
        int first = text.text().indexOf("{{", from);
        if (first < 0 || first >= to || helmExpression(text.text(), from, to) < 0) {
            return Optional.empty();
        }
        return Optional.of(text.position(first));
    }

    /** The first key or value of {@code document}, in plain or quoted style, that uses a Helm-only expression. */
    static Optional<ScalarNode> templatedScalar(Node document, SourceText text) {
        if (document instanceof ScalarNode scalar) {
            return isTemplated(scalar, text) ? Optional.of(scalar) : Optional.empty();
        }
        if (document instanceof MappingNode mapping) {
            for (MappingNode.Entry entry : mapping.entries()) {
                if (isTemplated(entry.key(), text)) {
                    return Optional.of(entry.key());
                }
                Optional<ScalarNode> found = templatedScalar(entry.value(), text);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (document instanceof SequenceNode sequence) {
            for (Node item : sequence.items()) {
                Optional<ScalarNode> found = templatedScalar(item, text);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The Helm-only expression in {@code scalar}, shortened for a message. */
    static String expression(ScalarNode scalar) {
        String value = scalar.value();
        int start = helmExpression(value, 0, value.length());
        int close = value.indexOf("}}", start);
        int end = close < 0 ? value.length() : close + 2;
        String expression = value.substring(start, end);
        return expression.length() <= SHOWN_EXPRESSION
                ? expression
                : expression.substring(0, SHOWN_EXPRESSION - 1) + "…";
    }

    private static boolean isTemplated(ScalarNode scalar, SourceText text) {
        String value = scalar.value();
        return value.contains("{{")
                && helmExpression(value, 0, value.length()) >= 0
                && !isBlockScalar(text, scalar.position());
    }

    /** The offset of the first {@code {{ … }}} in {@code text[from, to)} that uses a Helm-only name, or -1. */
    private static int helmExpression(String text, int from, int to) {
        int open = text.indexOf("{{", from);
        while (open >= 0 && open < to) {
            int close = text.indexOf("}}", open + 2);
            int end = close < 0 || close > to ? to : close;
            for (String name : HELM_ONLY) {
                for (int at = open + 2; at + name.length() <= end; at++) {
                    if (text.startsWith(name, at)) {
                        return open;
                    }
                }
            }
            if (close < 0) {
                return -1;
            }
            open = text.indexOf("{{", close + 2);
        }
        return -1;
    }

    /** True when the node at {@code position} is a literal or folded block scalar (after any tag or anchor). */
    private static boolean isBlockScalar(SourceText text, Position position) {
        String source = text.text();
        int i = text.offset(position);
        while (i < source.length() && (source.charAt(i) == '!' || source.charAt(i) == '&')) {
            while (i < source.length() && !Character.isWhitespace(source.charAt(i))) {
                i++;
            }
            while (i < source.length() && source.charAt(i) == ' ') {
                i++;
            }
        }
        return i < source.length() && (source.charAt(i) == '|' || source.charAt(i) == '>');
    }

    /** The line of the {@code ---} that starts the document holding {@code line}, or 1. */
    private static int documentStart(SourceText text, int line) {
        for (int l = line; l > 1; l--) {
            if (isDocumentStart(text, l)) {
                return l;
            }
        }
        return 1;
    }

    /** The offset where the document holding {@code line} ends: the next {@code ---} line, or the end of the text. */
    private static int documentEnd(SourceText text, int line) {
        for (int l = line + 1; l <= text.lineCount(); l++) {
            if (isDocumentStart(text, l)) {
                return text.lineStart(l);
            }
        }
        return text.text().length();
    }

    private static boolean isDocumentStart(SourceText text, int line) {
        String source = text.text();
        int start = text.lineStart(line);
        return source.startsWith("---", start)
                && (start + 3 == source.length() || Character.isWhitespace(source.charAt(start + 3)));
    }
}
