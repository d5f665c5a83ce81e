package dev.plimsoll.generator;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Report;
import dev.plimsoll.policies.Skip;
import java.util.ArrayList;
import java.util.List;

/** Joins the reports of one linter over several environments into one. */
final class Reports {

    private Reports() {}

    /** Every finding and skip of {@code parts}, their input counts summed; rules and threshold from the first. */
    static Report concat(List<Report> parts) {
        List<Finding> findings = new ArrayList<>();
        List<Skip> skips = new ArrayList<>();
        int files = 0;
        int documents = 0;
        int objects = 0;
        long bytes = 0;
        for (Report part : parts) {
            findings.addAll(part.findings());
            skips.addAll(part.skips());
            files += part.stats().files();
            documents += part.stats().documents();
            objects += part.stats().objects();
            bytes += part.stats().bytes();
        }
        Report first = parts.get(0);
        return new Report(
                findings, skips, first.rules(), new Report.Stats(files, documents, objects, bytes), first.failOn());
    }
}
