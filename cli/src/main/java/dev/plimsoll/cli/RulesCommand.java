package dev.plimsoll.cli;

import dev.plimsoll.policies.internal.text.Spelling;
import dev.plimsoll.policies.rule.RuleCatalog;
import dev.plimsoll.policies.rule.RuleDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code plimsoll rules list|explain}: the rule catalogue. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = PlimsollCommand.Version.class,
        description = "Lists the rules or explains one.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Explain.class})
final class RulesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: list or explain");
    }

    static RuleCatalog catalog() {
        return RuleCatalog.withPlugins(RulesCommand.class.getClassLoader());
    }

    /** {@code plimsoll rules list}. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists every rule id with its severity and summary.")
    static final class ListRules implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            List<RuleDescriptor> rules = catalog().descriptors();
            int idWidth = rules.stream().mapToInt(r -> r.id().length()).max().orElse(2);
            String row = "%-" + idWidth + "s  %-8s  %-13s  %s%n";
            out.printf(row, "ID", "SEVERITY", "CATEGORY", "SUMMARY");
            rules.stream()
                    .sorted(Comparator.comparing(RuleDescriptor::category).thenComparing(RuleDescriptor::id))
                    .forEach(rule -> out.printf(
                            row,
                            rule.id(),
                            rule.severity().id(),
                            rule.category().id(),
                            rule.summary()));
            out.flush();
        }
    }

    /** {@code plimsoll rules explain ID}. */
    @Command(
            name = "explain",
            mixinStandardHelpOptions = true,
            description = "Explains a rule: why it exists, what fires, how to fix and waive it.")
    static final class Explain implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "A rule id, as `plimsoll rules list` shows it.")
        String id;

        @Override
        public void run() {
            RuleCatalog catalog = catalog();
            Optional<RuleDescriptor> rule = catalog.descriptor(id);
            if (rule.isEmpty()) {
                String suggestion = Spelling.closest(
                                id,
                                catalog.descriptors().stream()
                                        .map(RuleDescriptor::id)
                                        .toList())
                        .map(s -> " (did you mean '" + s + "'?)")
                        .orElse("");
                throw new CommandLine.ParameterException(spec.commandLine(), "Unknown rule '" + id + "'" + suggestion);
            }
            PrintWriter out = spec.commandLine().getOut();
            RuleDescriptor descriptor = rule.get();
            out.println(descriptor.id() + " (" + descriptor.severity().id() + ", "
                    + descriptor.category().id() + ", since " + descriptor.since() + ")");
            out.println(descriptor.summary());
            out.println();
            Optional<String> page = docsPage(descriptor);
            if (page.isPresent()) {
                out.print(page.get());
            } else {
                out.println("Fix: " + descriptor.remediation());
            }
            out.flush();
        }

        private static Optional<String> docsPage(RuleDescriptor rule) {
            try (InputStream in = RuleCatalog.class.getResourceAsStream("/" + rule.docsPath())) {
                return in == null
                        ? Optional.empty()
                        : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }
}
