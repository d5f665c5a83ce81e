package dev.plimsoll.policies.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Location;
import dev.plimsoll.policies.ObjectRef;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Severity;
import dev.plimsoll.policies.report.SampleReports;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitReporterTest {

    @Test
    void write_sampleReport_countsOneSuitePerRule() throws Exception {
        // given
        Report report = SampleReports.sample();

        // when
        Document xml = parse(write(report));

        // then
        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("name")).isEqualTo("plimsoll");
        // 7 findings, plus the passing case of pdb-drainable, which found nothing
        assertThat(root.getAttribute("tests")).isEqualTo("8");
        assertThat(root.getAttribute("failures")).isEqualTo("4");
        assertThat(root.getAttribute("errors")).isEqualTo("0");
        assertThat(root.getAttribute("skipped")).isEqualTo("2");
        assertThat(xml.getElementsByTagName("testsuite").getLength())
                .isEqualTo(report.rules().size());
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(8);
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(4);
        assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(2);
        assertThat(xml.getElementsByTagName("system-out").getLength()).isEqualTo(1);
    }

    @Test
    void write_ruleWithoutFindings_onePassingCase() throws Exception {
        // given
        Report report = SampleReports.clean();

        // when
        Document xml = parse(write(report));

        // then
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("image-digest");
        assertThat(suite.getAttribute("tests")).isEqualTo("1");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(1);
        assertThat(suite.getElementsByTagName("testcase").item(0).hasChildNodes())
                .isFalse();
    }

    @Test
    void write_markupAndCharactersXmlCannotCarry_wellFormedWithTextKept() throws Exception {
        // given
        String message = "a <b> & \"c\" ]]> 'd'\u0000\u001b\ud800 é €\r\nend\ttab";
        Finding finding = new Finding(
                SampleReports.IMAGE_DIGEST.id(),
                Severity.ERROR,
                message,
                new ObjectRef("v1", "Pod", "ns", "p<&>"),
                new Location("dir/x&y.yaml", 2, 3, "/spec"),
                null,
                "Fix it.",
                null);

        // when
        Document xml = parse(write(SampleReports.of(finding, SampleReports.IMAGE_DIGEST)));

        // then
        Element testcase = (Element) xml.getElementsByTagName("testcase").item(0);
        assertThat(testcase.getAttribute("classname")).isEqualTo("dir/x&y.yaml");
        assertThat(testcase.getAttribute("name")).isEqualTo("image-digest Pod ns/p<&> 2:3");
        Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("image-digest");
        assertThat(failure.getAttribute("message")).isEqualTo("a <b> & \"c\" ]]> 'd'\ufffd\ufffd\ufffd é € end tab");
        assertThat(failure.getTextContent())
                .isEqualTo(
                        "dir/x&y.yaml:2:3: error [image-digest] a <b> & \"c\" ]]> 'd'\ufffd\ufffd\ufffd é €\\nend\ttab"
                                + " (Pod ns/p<&>)\nFix it.");
    }

    @Test
    void write_infoFinding_passesWithItsTextAsOutput() throws Exception {
        // given
        Finding finding = new Finding(
                SampleReports.IMAGE_DIGEST.id(),
                Severity.INFO,
                "for your information",
                null,
                Location.ofFile("a.yaml"),
                null,
                "Nothing to do.",
                null);

        // when
        Document xml = parse(write(SampleReports.of(finding, SampleReports.IMAGE_DIGEST)));

        // then
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(xml.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("a.yaml:1:1: info [image-digest] for your information\nNothing to do.");
    }

    private static String write(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new JunitReporter().write(report, out);
        return out.toString();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
