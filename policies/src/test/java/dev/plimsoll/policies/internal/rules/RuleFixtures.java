package dev.plimsoll.policies.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Skip;
import dev.plimsoll.policies.internal.engine.Findings;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.manifest.ManifestSet;
import dev.plimsoll.policies.rule.Namespaces;
import dev.plimsoll.policies.rule.ObjectRule;
import dev.plimsoll.policies.rule.Rule;
import dev.plimsoll.policies.rule.RuleContext;
import dev.plimsoll.policies.rule.RuleDescriptor;
import dev.plimsoll.policies.rule.RuleOptions;
import dev.plimsoll.policies.rule.SetRule;
import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;

/**
 * Lints one fixture file of {@code src/test/resources/rules/<id>/} with one rule, and checks the findings against
 * the file's {@code # expect: <rule-id> [message substring]} marks, each on the line above the node it expects a
 * finding at.
 *
 * <p>Reads fixtures with {@link YamlReader} and runs the rule directly; once the manifest loader exists, {@link
 * #lint} can go through the engine instead without any test changing.
 */
final class RuleFixtures {

    private static final Pattern MARK = Pattern.compile("^\\s*# expect: (\\S+)(?: (.*\\S))?\\s*$");

    private final Rule rule;
    private final Map<String, Object> options;
    private final Namespaces namespaces;

    private RuleFixtures(Rule rule, Map<String, Object> options, Namespaces namespaces) {
        this.rule = rule;
        this.options = Map.copyOf(options);
        this.namespaces = namespaces;
    }

    static RuleFixtures of(Rule rule) {
        return new RuleFixtures(rule, Map.of(), Namespaces.DEFAULT);
    }

    RuleFixtures withOptions(Map<String, Object> newOptions) {
        return new RuleFixtures(rule, newOptions, namespaces);
    }

    RuleFixtures withNamespaces(Namespaces newNamespaces) {
        return new RuleFixtures(rule, options, newNamespaces);
    }

    /** Lints {@code fixture} (a file name in the rule's fixture folder). */
    Lints expectLintsOf(String fixture) {
        return lint(fixture);
    }

    private Lints lint(String fixture) {
        String text = read(fixture);
        YamlReader.Result read = new YamlReader().read(text);
        assertThat(read.problems()).as("YAML problems in fixture %s", fixture).isEmpty();
        List<Manifest> objects = new ArrayList<>();
        for (YamlReader.Document document : read.documents()) {
            if (document.root() instanceof MappingNode root) {
                objects.add(new Manifest(fixture, document.index(), root, null));
            }
        }
        Context context = new Context(rule.descriptor());
        if (rule instanceof ObjectRule objectRule) {
            for (Manifest object : objects) {
                objectRule.check(object, context);
            }
        }
        if (rule instanceof SetRule setRule) {
            setRule.check(new ManifestSet(null, objects), context);
        }
        return new Lints(fixture, text, context.findings, context.skips);
    }

    private String read(String fixture) {
        String resource = "/rules/" + rule.descriptor().id() + "/" + fixture;
        try (InputStream in = RuleFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionFailedError("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outcome of linting one fixture. */
    static final class Lints {

        private final String fixture;
        private final String text;
        private final List<Finding> findings;
        private final List<Skip> skips;

        Lints(String fixture, String text, List<Finding> findings, List<Skip> skips) {
            this.fixture = fixture;
            this.text = text;
            this.findings = findings.stream().sorted().toList();
            this.skips = skips;
        }

        /** Each finding as {@code file:line:col rule Kind/name message}, in report order. */
        List<String> findings() {
            return findings.stream().map(Lints::render).toList();
        }

        /** Each skip as {@code Kind/name reason}. */
        List<String> skips() {
            return skips.stream()
                    .map(skip -> skip.object().display() + " " + skip.reason())
                    .toList();
        }

        /**
         * Asserts that the findings are exactly the ones the marks expect: same line, same rule, message containing
         * the mark's text. A {@code pass.*} fixture has no marks, a {@code fail.*} fixture at least one.
         */
        Lints toMatchMarks() {
            List<Mark> marks = marks();
            if (fixture.startsWith("pass.")) {
                assertThat(marks).as("marks in pass fixture %s", fixture).isEmpty();
            } else {
                assertThat(marks).as("marks in fail fixture %s", fixture).isNotEmpty();
            }
            List<Mark> unmatched = new ArrayList<>(marks);
            List<Finding> unexpected = new ArrayList<>();
            for (Finding finding : findings) {
                Iterator<Mark> candidates = unmatched.iterator();
                boolean matched = false;
                while (candidates.hasNext() && !matched) {
                    if (candidates.next().matches(finding)) {
                        candidates.remove();
                        matched = true;
                    }
                }
                if (!matched) {
                    unexpected.add(finding);
                }
            }
            if (!unmatched.isEmpty() || !unexpected.isEmpty()) {
                throw new AssertionFailedError(
                        fixture + ": findings do not match the # expect: marks"
                                + "\n  missing: "
                                + unmatched.stream().map(Mark::toString).toList()
                                + "\n  unexpected: "
                                + unexpected.stream().map(Lints::render).toList(),
                        String.join("\n", marks.stream().map(Mark::toString).toList()),
                        String.join("\n", findings()));
            }
            return this;
        }

        private List<Mark> marks() {
            List<Mark> marks = new ArrayList<>();
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher mark = MARK.matcher(lines[i]);
                if (mark.matches()) {
                    int target = i + 1;
                    while (target < lines.length && MARK.matcher(lines[target]).matches()) {
                        target++;
                    }
                    marks.add(new Mark(fixture, target + 1, mark.group(1), mark.group(2) == null ? "" : mark.group(2)));
                }
            }
            return marks;
        }

        private static String render(Finding finding) {
            String object = finding.object() == null
                    ? "-"
                    : finding.object().kind() + "/" + finding.object().name();
            return finding.location() + " " + finding.ruleId() + " " + object + " " + finding.message();
        }
    }

    /** One {@code # expect:} mark: a finding of {@code rule} on {@code line} whose message contains {@code text}. */
    private record Mark(String file, int line, String rule, String text) {

        boolean matches(Finding finding) {
            return finding.location().line() == line
                    && finding.ruleId().equals(rule)
                    && finding.message().contains(text);
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + rule + (text.isEmpty() ? "" : " …" + text + "…");
        }
    }

    /** Collects what the rule reports; options from a map, namespaces as configured. */
    private final class Context implements RuleContext {

        private final RuleDescriptor descriptor;
        private final List<Finding> findings = new ArrayList<>();
        private final List<Skip> skips = new ArrayList<>();

        Context(RuleDescriptor descriptor) {
            this.descriptor = descriptor;
        }

        @Override
        public void report(Manifest object, Node at, String message) {
            findings.add(Findings.at(descriptor, object, at, message));
        }

        @Override
        public void skip(Manifest object, String reason) {
            skips.add(new Skip(
                    descriptor.id(), object.ref(), Findings.location(object.file(), object.root()), null, reason));
        }

        @Override
        public RuleOptions options() {
            return new RuleOptions() {
                @Override
                public boolean bool(String name, boolean defaultValue) {
                    return (Boolean) options.getOrDefault(name, defaultValue);
                }

                @Override
                public String string(String name, String defaultValue) {
                    return (String) options.getOrDefault(name, defaultValue);
                }

                @Override
                @SuppressWarnings("unchecked")
                public List<String> strings(String name, List<String> defaultValue) {
                    return (List<String>) options.getOrDefault(name, defaultValue);
                }
            };
        }

        @Override
        public Namespaces namespaces() {
            return namespaces;
        }
    }
}
