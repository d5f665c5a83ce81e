package dev.plimsoll.policies.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.scanner.ScannerImpl;

/**
 * Reads YAML (and JSON, which it parses as YAML) into {@link Node} trees with positions, the way the Kubernetes API
 * server reads manifests: YAML 1.1 scalar types, merge keys, aliases expanded, duplicate keys reported. Bad input is
 * reported as {@link Problem}s, never thrown; after a syntax error, reading resumes at the next {@code ---} line so
 * that later documents of the file are not lost.
 *
 * <p>Built on SnakeYAML's event parser, so that positions come from the parser itself and no intermediate tree is
 * built. Thread-safe: every call has its own state.
 */
public final class YamlReader {

    static {
        // Kubernetes' YAML parser accepts the YAML 1.2 escape "\/" in double-quoted scalars (JSON allows it too);
        // SnakeYAML implements YAML 1.1, which lacks it. Teaching SnakeYAML the escape only widens what it accepts.
        ScannerImpl.ESCAPE_REPLACEMENTS.putIfAbsent('/', "/");
    }

    /** What kind of problem a {@link Problem} is. */
    public enum ProblemKind {
        /** Not well-formed YAML; the rest of the document (up to the next {@code ---}) was not read. */
        SYNTAX,
        /** A mapping repeats a key; the later entry was kept. */
        DUPLICATE_KEY,
        /** The input exceeds a {@link Limits limit}; the document (or file) was not read. */
        LIMIT,
        /** The bytes are not UTF-8, or hold characters YAML forbids (control characters); the file was not read. */
        ENCODING
    }

    /**
     * How plain scalars are typed. Both modes read the same syntax; they differ only in which plain scalars are
     * numbers, booleans or null.
     */
    public enum Typing {
        /**
         * YAML 1.1, as the Kubernetes API server reads manifests (go-yaml v2): {@code yes}/{@code on} are booleans,
         * {@code 1:20} is a base-60 number.
         */
        KUBERNETES,
        /**
         * As Kustomize reads resources and patches (kyaml, go-yaml v3): YAML 1.2 booleans and nulls only, Go's integer
         * prefixes ({@code 0x}, {@code 0o}, {@code 0b}, a leading {@code 0} for octal), no base 60. Timestamps stay
         * strings here; Kustomize's own reading of them is the renderer's business.
         */
        KUSTOMIZE
    }

    /** Something wrong with the input, at a position, with a message for people. */
    public record Problem(ProblemKind kind, Position position, String message) {}

    /**
     * One document of a stream; {@code root} is {@code null} for an empty document. A document with a syntax or limit
     * problem is not returned at all.
     */
    public record Document(int index, Position start, Node root) {}

    /** The documents that could be read and the problems found, both in source order. */
    public record Result(List<Document> documents, List<Problem> problems) {}

    /**
     * Bounds that keep hostile input from exhausting the machine.
     *
     * @param maxBytes the largest file read at all
     * @param maxDepth the deepest nesting of mappings and sequences in a document
     * @param maxAliasNodes the most nodes that aliases may add to one document by expansion
     */
    public record Limits(int maxBytes, int maxDepth, int maxAliasNodes) {

        /** 32 MiB, depth 256, 100,000 nodes from aliases: far beyond any real manifest. */
        public static final Limits DEFAULT = new Limits(32 * 1024 * 1024, 256, 100_000);
    }

    /** Scalars up to this length are shared within a file (see {@code Builder.shared}). */
    private static final int SHARED_LENGTH = 32;

    private static final Resolver RESOLVER = new Resolver();

    /** The first characters for which {@link Resolver} resolves a plain scalar to anything but a string. */
    private static final String RESOLVED_FIRST_CHARS = "yYnNtTfFoO-+0123456789.<~!&*";

    private static final ScalarNode.Type STRING = ScalarNode.Type.STRING;

    private final Limits limits;
    private final Typing typing;

    public YamlReader(Limits limits, Typing typing) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.typing = Objects.requireNonNull(typing, "typing");
    }

    public YamlReader(Limits limits) {
        this(limits, Typing.KUBERNETES);
    }

    public YamlReader() {
        this(Limits.DEFAULT);
    }

    /** Decodes UTF-8 (a byte-order mark is skipped) and reads every document. */
    public Result read(byte[] bytes) {
        if (bytes.length > limits.maxBytes()) {
            return new Result(
                    List.of(),
                    List.of(new Problem(
                            ProblemKind.LIMIT,
                            Position.START,
                            "file is " + bytes.length + " bytes, over the limit of " + limits.maxBytes() + " bytes")));
        }
        String text;
        try {
            text = decode(bytes);
        } catch (CharacterCodingException e) {
            return new Result(List.of(), List.of(invalidUtf8(bytes)));
        }
        return read(text);
    }

    /**
     * What {@link #read(byte[])} reads from {@code text} when {@code text} is {@link CanonicalYaml#write}{@code
     * (document)} in UTF-8, without parsing it (see {@link CanonicalYaml#readWritten}). The limits are not checked: the
     * document is already in memory.
     */
    public Result readWritten(JsonNode document, byte[] text) {
        Node root = CanonicalYaml.readWritten(document, text, typing);
        return new Result(List.of(new Document(0, Position.START, root)), List.of());
    }

    /** Reads every document of {@code text}. */
    public Result read(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Result result = readBody(body);
        if (!result.problems().isEmpty() && looksLikeJson(body) && body.indexOf('\t') >= 0) {
            // JSON may indent with tabs, which YAML forbids and SnakeYAML rejects even inside flow collections;
            // Kubernetes reads such files with a JSON decoder, so read them as if the tabs were spaces.
            return readBody(tabsOutsideStringsAsSpaces(body));
        }
        return result;
    }

    private Result readBody(String body) {
        List<Document> documents = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int lineOffset = 0;
        int nextIndex = 0;
        String rest = body;
        while (rest != null) {
            Builder builder = new Builder(lineOffset, nextIndex, problems);
            try {
                builder.run(rest);
                rest = null;
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                int line = mark == null ? 0 : mark.getLine();
                int column = mark == null ? 0 : mark.getColumn();
                if (!builder.abandoned) {
                    // One problem per document: a parser error after the document was given up on adds nothing.
                    problems.add(new Problem(
                            ProblemKind.SYNTAX, new Position(lineOffset + line + 1, column + 1), syntaxMessage(e)));
                }
                int resumeLine = nextDocumentStart(rest, line);
                if (resumeLine < 0) {
                    rest = null;
                } else {
                    rest = rest.substring(lineStartIndex(rest, resumeLine));
                    lineOffset += resumeLine;
                }
            } catch (ReaderException e) {
                problems.add(new Problem(
                        ProblemKind.ENCODING,
                        codePointPosition(rest, e.getPosition(), lineOffset),
                        String.format("character U+%04X is not allowed in YAML", e.getCodePoint())));
                return new Result(List.of(), problems);
            } catch (YAMLException e) {
                problems.add(new Problem(
                        ProblemKind.SYNTAX, new Position(lineOffset + 1, 1), String.valueOf(e.getMessage())));
                rest = null;
            }
            documents.addAll(builder.documents);
            // The document that failed keeps its index, so that later documents are numbered as in the file.
            nextIndex = builder.firstIndex + builder.documentCount + 1;
        }
        return new Result(documents, problems);
    }

    /** True when the first thing in {@code text} opens a JSON object or array. */
    private static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /** Replaces tabs outside double-quoted strings by spaces, keeping every offset (and so every position). */
    private static String tabsOutsideStringsAsSpaces(String json) {
        char[] chars = json.toCharArray();
        boolean inString = false;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '\t') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    /** The line and column of the code point at {@code index} of {@code text}. */
    private static Position codePointPosition(String text, int index, int lineOffset) {
        int line = 1;
        int column = 1;
        int end = index < 0 ? 0 : text.offsetByCodePoints(0, Math.min(index, text.codePointCount(0, text.length())));
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return new Position(lineOffset + line, column);
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        String context = e.getContext();
        String problem = e.getProblem();
        String message = problem == null ? String.valueOf(context) : problem;
        if (context != null && problem != null) {
            message = context + ": " + problem;
        }
        return message.replace('\n', ' ').trim();
    }

    /** The index of the first line at or after {@code fromLine} that starts a new document, or -1. */
    private static int nextDocumentStart(String text, int fromLine) {
        String[] lines = text.split("\n", -1);
        for (int i = Math.max(fromLine, 1); i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("---") && (line.length() == 3 || Character.isWhitespace(line.charAt(3)))) {
                return i;
            }
        }
        return -1;
    }

    private static int lineStartIndex(String text, int line) {
        int index = 0;
        for (int i = 0; i < line; i++) {
            index = text.indexOf('\n', index) + 1;
        }
        return index;
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        // The String constructor is much faster than a decoder and turns every malformed sequence into U+FFFD; only
        // when that character shows up is a strict decoder needed to tell bad bytes from a U+FFFD in the file.
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
        return chars.toString();
    }

    /** Finds the first byte that breaks UTF-8, to point at it. */
    private static Problem invalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int bad = in.position();
        out.flip();
        int line = 1;
        int column = 1;
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(out.charAt(i))) {
                column++;
            }
        }
        return new Problem(
                ProblemKind.ENCODING,
                new Position(line, column),
                String.format("invalid UTF-8 at byte offset %d (0x%02x)", bad, bytes[Math.min(bad, bytes.length - 1)]));
    }

    /** Turns the parser's events into nodes for one run of documents. */
    private final class Builder {

        private final int lineOffset;
        private final int firstIndex;
        private final List<Problem> problems;
        private final List<Document> documents = new ArrayList<>();
        private final Map<String, Node> anchors = new HashMap<>();
        private final Map<String, String> strings = new HashMap<>();
        private int aliasNodes;
        private boolean abandoned;
        private int documentCount;

        Builder(int lineOffset, int firstIndex, List<Problem> problems) {
            this.lineOffset = lineOffset;
            this.firstIndex = firstIndex;
            this.problems = problems;
        }

        void run(String text) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(Integer.MAX_VALUE);
            Parser parser = new ParserImpl(new StreamReader(text), options);
            while (parser.peekEvent() != null && !parser.checkEvent(Event.ID.StreamEnd)) {
                Event event = parser.getEvent();
                if (event.is(Event.ID.DocumentStart)) {
                    readDocument(parser, position(event.getStartMark()));
                }
            }
        }

        private void readDocument(Parser parser, Position start) {
            anchors.clear();
            aliasNodes = 0;
            abandoned = false;
            Node root = null;
            if (!parser.checkEvent(Event.ID.DocumentEnd)) {
                root = node(parser, parser.getEvent(), 1);
            }
            parser.getEvent(); // DocumentEnd
            if (!abandoned) {
                documents.add(new Document(firstIndex + documentCount, start, root));
            }
            abandoned = false;
            documentCount++;
        }

        /**
         * One String instance per distinct key or short value in a file: manifests repeat the same few names (type,
         * description, name, string, object) hundreds of thousands of times, and a lint keeps every document.
         */
        private String shared(String text) {
            if (text.length() > SHARED_LENGTH) {
                return text;
            }
            String known = strings.putIfAbsent(text, text);
            return known == null ? text : known;
        }

        private Node node(Parser parser, Event event, int depth) {
            if (event instanceof ScalarEvent scalar) {
                return anchored(scalar, scalar(scalar));
            }
            if (event instanceof AliasEvent alias) {
                return alias(alias, depth);
            }
            if (depth > limits.maxDepth()) {
                if (!abandoned) {
                    abandon(
                            ProblemKind.LIMIT,
                            event.getStartMark(),
                            "nesting deeper than " + limits.maxDepth() + " levels");
                }
                skipCollection(parser);
                return nullAt(event.getStartMark());
            }
            if (event.is(Event.ID.SequenceStart)) {
                SequenceNode sequence = new SequenceNode(position(event.getStartMark()));
                while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                    Node item = node(parser, parser.getEvent(), depth + 1);
                    if (!abandoned) {
                        sequence.add(item);
                    }
                }
                parser.getEvent();
                return anchored((NodeEvent) event, sequence);
            }
            if (event.is(Event.ID.MappingStart)) {
                return anchored((NodeEvent) event, mapping(parser, (CollectionStartEvent) event, depth));
            }
            throw new IllegalStateException("unexpected YAML event " + event);
        }

        /** Consumes the rest of a collection whose start event was read, without recursion. */
        private void skipCollection(Parser parser) {
            int open = 1;
            while (open > 0) {
                Event event = parser.getEvent();
                if (event.is(Event.ID.SequenceStart) || event.is(Event.ID.MappingStart)) {
                    open++;
                } else if (event.is(Event.ID.SequenceEnd) || event.is(Event.ID.MappingEnd)) {
                    open--;
                }
            }
        }

        private MappingNode mapping(Parser parser, CollectionStartEvent start, int depth) {
            MappingNode mapping = new MappingNode(position(start.getStartMark()));
            List<Node> merges = new ArrayList<>();
            while (!parser.checkEvent(Event.ID.MappingEnd)) {
                Event keyEvent = parser.getEvent();
                ScalarNode key = keyEvent instanceof ScalarEvent scalar && scalar.getAnchor() == null
                        ? new ScalarNode(
                                position(scalar.getStartMark()), shared(scalar.getValue()), STRING, !scalar.isPlain())
                        : null;
                Node keyNode = key != null ? key : node(parser, keyEvent, depth + 1);
                Node value = node(parser, parser.getEvent(), depth + 1);
                if (abandoned) {
                    continue;
                }
                if (!(keyNode instanceof ScalarNode scalarKey)) {
                    String message = "a mapping key must be a scalar";
                    if (start.isFlow() && keyEvent.is(Event.ID.MappingStart)) {
                        // "{{ x }}" reads as a flow mapping whose key is a flow mapping: a template left unquoted.
                        message += "; a value that starts with '{{' must be quoted";
                    }
                    abandon(ProblemKind.SYNTAX, keyEvent.getStartMark(), message);
                    continue;
                }
                if (scalarKey.value().equals("<<") && !scalarKey.quoted()) {
                    merges.add(value);
                    continue;
                }
                if (mapping.has(scalarKey.value())) {
                    problems.add(new Problem(
                            ProblemKind.DUPLICATE_KEY,
                            scalarKey.position(),
                            "duplicate key '" + scalarKey.value() + "' (first at "
                                    + mapping.key(scalarKey.value()).position()
                                    + "); the API server rejects this object"));
                }
                // Keys are strings to the API server whatever they look like ("1", "true").
                mapping.put(
                        key != null
                                ? key
                                : new ScalarNode(scalarKey.position(), scalarKey.value(), STRING, scalarKey.quoted()),
                        value);
            }
            parser.getEvent();
            for (Node merge : merges) {
                merge(mapping, merge, start);
            }
            return mapping;
        }

        /** Applies a {@code <<} merge key: entries the mapping does not set itself come from the merged mapping(s). */
        private void merge(MappingNode target, Node source, CollectionStartEvent at) {
            List<Node> sources = source instanceof SequenceNode sequence ? sequence.items() : List.of(source);
            for (Node each : sources) {
                if (!(each instanceof MappingNode merged)) {
                    abandon(ProblemKind.SYNTAX, at.getStartMark(), "a merge key '<<' must refer to mappings");
                    return;
                }
                for (MappingNode.Entry entry : merged.entries()) {
                    if (!target.has(entry.key().value())) {
                        target.put(entry.key().copy(), entry.value().copy());
                    }
                }
            }
        }

        private Node alias(AliasEvent alias, int depth) {
            Node anchored = anchors.get(alias.getAnchor());
            if (anchored == null) {
                abandon(
                        ProblemKind.SYNTAX,
                        alias.getStartMark(),
                        "alias *" + alias.getAnchor() + " refers to no anchor defined before it");
                return nullAt(alias.getStartMark());
            }
            aliasNodes += anchored.size();
            if (aliasNodes > limits.maxAliasNodes()) {
                if (!abandoned) {
                    abandon(
                            ProblemKind.LIMIT,
                            alias.getStartMark(),
                            "aliases expand to more than " + limits.maxAliasNodes() + " nodes (an alias bomb?)");
                }
                return nullAt(alias.getStartMark());
            }
            // Aliases nest copies inside copies, so the depth limit must hold for what they expand to as well.
            if (depth - 1 + collectionHeight(anchored) > limits.maxDepth()) {
                if (!abandoned) {
                    abandon(
                            ProblemKind.LIMIT,
                            alias.getStartMark(),
                            "alias *" + alias.getAnchor() + " expands to nesting deeper than " + limits.maxDepth()
                                    + " levels");
                }
                return nullAt(alias.getStartMark());
            }
            return anchored.copy();
        }

        private Node anchored(NodeEvent event, Node node) {
            if (event.getAnchor() != null) {
                anchors.put(event.getAnchor(), node);
            }
            return node;
        }

        private ScalarNode scalar(ScalarEvent event) {
            String text = event.getValue();
            if (typing == Typing.KUSTOMIZE && event.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED) {
                text = GoYamlV3.folded(text);
            }
            String value = shared(text);
            Position position = position(event.getStartMark());
            boolean quoted = !event.isPlain();
            String tag = event.getTag();
            if (tag != null && !tag.equals("!")) {
                return new ScalarNode(position, value, explicitType(tag, value), quoted);
            }
            if (quoted) {
                return new ScalarNode(position, value, ScalarNode.Type.STRING, true);
            }
            return new ScalarNode(
                    position,
                    value,
                    typing == Typing.KUSTOMIZE ? GoYamlV3.implicitType(value) : implicitType(value),
                    false);
        }

        private void abandon(ProblemKind kind, Mark mark, String message) {
            problems.add(new Problem(kind, position(mark), message));
            abandoned = true;
        }

        private ScalarNode nullAt(Mark mark) {
            return new ScalarNode(position(mark), "", ScalarNode.Type.NULL, false);
        }

        private Position position(Mark mark) {
            return new Position(lineOffset + mark.getLine() + 1, mark.getColumn() + 1);
        }
    }

    /** How many mappings and sequences deep {@code node} goes; 0 for a scalar. */
    private static int collectionHeight(Node node) {
        int height = 0;
        if (node instanceof MappingNode mapping) {
            for (MappingNode.Entry entry : mapping.entries()) {
                height = Math.max(height, collectionHeight(entry.value()));
            }
            return height + 1;
        }
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.items()) {
                height = Math.max(height, collectionHeight(item));
            }
            return height + 1;
        }
        return 0;
    }

    /**
     * The type {@code typing} gives to {@code text} written as a plain scalar; for values a tool creates from text, as
     * Kustomize does when it sets a field to an untagged scalar.
     */
    public static ScalarNode.Type plainType(String text, Typing typing) {
        return typing == Typing.KUSTOMIZE ? GoYamlV3.implicitType(text) : implicitType(text);
    }

    private static ScalarNode.Type implicitType(String value) {
        if (!value.isEmpty() && RESOLVED_FIRST_CHARS.indexOf(value.charAt(0)) < 0) {
            // SnakeYAML's resolver only has patterns for scalars starting with one of these; skip its lookup.
            return STRING;
        }
        Tag tag = RESOLVER.resolve(NodeId.scalar, value, true);
        if (tag.equals(Tag.NULL)) {
            return ScalarNode.Type.NULL;
        }
        if (tag.equals(Tag.BOOL)) {
            return ScalarNode.Type.BOOL;
        }
        if (tag.equals(Tag.INT)) {
            return ScalarNode.Type.INT;
        }
        if (tag.equals(Tag.FLOAT)) {
            return ScalarNode.Type.FLOAT;
        }
        // Everything else, including YAML 1.1's "=" (value) and timestamps, is a string to the API server.
        return STRING;
    }

    private ScalarNode.Type explicitType(String tag, String value) {
        return switch (tag) {
            case "tag:yaml.org,2002:null" -> ScalarNode.Type.NULL;
            case "tag:yaml.org,2002:bool" -> ScalarNode.Type.BOOL;
            case "tag:yaml.org,2002:int" -> ScalarNode.Type.INT;
            case "tag:yaml.org,2002:float" -> ScalarNode.Type.FLOAT;
            case "tag:yaml.org,2002:str" -> ScalarNode.Type.STRING;
            default -> typing == Typing.KUSTOMIZE ? GoYamlV3.implicitType(value) : implicitType(value);
        };
    }
}
