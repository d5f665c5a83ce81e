package dev.plimsoll.policies.internal.report;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.rule.RuleDescriptor;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI dashboards: a test suite per rule, a test case per finding; see {@code docs/report-formats.md}.
 */
public final class JunitReporter implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (RuleDescriptor rule : report.rules()) {
            byRule.put(rule.id(), new ArrayList<>());
        }
        for (Finding finding : report.findings()) {
            byRule.computeIfAbsent(finding.ruleId(), id -> new ArrayList<>()).add(finding);
        }
        try {
            // The JDK's own writer, not whichever StAX implementation is on the class path, so the bytes never change.
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "plimsoll");
            writeCounts(
                    xml, byRule.values().stream().mapToInt(JunitReporter::tests).sum(), report.findings());
            for (Map.Entry<String, List<Finding>> suite : byRule.entrySet()) {
                writeSuite(xml, suite.getKey(), suite.getValue());
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static void writeSuite(XMLStreamWriter xml, String ruleId, List<Finding> findings)
            throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", ruleId);
        writeCounts(xml, tests(findings), findings);
        if (findings.isEmpty()) {
            // A passing case shows on the dashboard that the rule ran and found nothing.
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("testcase");
            xml.writeAttribute("classname", ruleId);
            xml.writeAttribute("name", ruleId + " no findings");
        }
        for (Finding finding : findings) {
            writeCase(xml, finding);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void writeCase(XMLStreamWriter xml, Finding finding) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", attribute(finding.location().file()));
        xml.writeAttribute("name", attribute(caseName(finding)));
        xml.writeCharacters("\n      ");
        if (finding.waived()) {
            xml.writeEmptyElement("skipped");
            String expires = finding.waiver().expires() == null
                    ? ""
                    : " (expires " + finding.waiver().expires() + ")";
            xml.writeAttribute(
                    "message", attribute("waived: " + finding.waiver().reason() + expires));
        } else if (fails(finding)) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", attribute(finding.message()));
            xml.writeAttribute("type", attribute(finding.ruleId()));
            xml.writeCharacters(text(details(finding)));
            xml.writeEndElement();
        } else {
            // Information does not fail a build, so it passes and carries its text as output.
            xml.writeStartElement("system-out");
            xml.writeCharacters(text(details(finding)));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void writeCounts(XMLStreamWriter xml, int tests, List<Finding> findings) throws XMLStreamException {
        long failures = findings.stream().filter(JunitReporter::fails).count();
        long skipped = findings.stream().filter(Finding::waived).count();
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(skipped));
    }

    /** A suite's test cases: one per finding, or the one passing case of a rule that found nothing. */
    private static int tests(List<Finding> findings) {
        return Math.max(1, findings.size());
    }

    private static boolean fails(Finding finding) {
        return !finding.waived() && finding.severity() != Severity.INFO;
    }

    /** {@code rule-id Kind ns/name line:col}, or {@code rule-id line:col} for a finding about a file. */
    private static String caseName(Finding finding) {
        String object = finding.object() == null ? "" : " " + finding.object().display();
        return finding.ruleId() + object + " " + finding.location().line() + ":"
                + finding.location().column();
    }

    private static String details(Finding finding) {
        return TextReporter.line(finding) + "\n" + finding.remediation();
    }

    // A parser turns line breaks and tabs in an attribute into spaces; doing it here keeps the output LF-only.
    private static String attribute(String value) {
        return xmlCharacters(value).replaceAll("\r\n|[\r\n\t]", " ");
    }

    private static String text(String value) {
        return xmlCharacters(value).replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Replaces what XML 1.0 cannot carry at all (control characters, lone surrogates) with U+FFFD. */
    private static String xmlCharacters(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000;
            out.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return out.toString();
    }
}
