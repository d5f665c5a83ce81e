package dev.plimsoll.generator.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An upstream Helm chart at one exact version: {@code HelmChart.of("https://charts.jetstack.io", "cert-manager",
 * "v1.16.2")}. A range ({@code ^1.2}, {@code 1.x}, {@code >=1}), {@code *}, {@code latest} or a partial version is
 * rejected by {@link #problems()}: a platform never installs whatever a chart repository serves today.
 */
public record HelmChart(String repoUrl, String chart, String version) {

    private static final Pattern EXACT = Pattern.compile(
            "v?(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    public HelmChart {
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(version, "version");
    }

    public static HelmChart of(String repoUrl, String chart, String version) {
        return new HelmChart(repoUrl, chart, version);
    }

    /** The same chart at another exact version. */
    public HelmChart at(String newVersion) {
        return new HelmChart(repoUrl, chart, newVersion);
    }

    /** Why this chart reference is not acceptable; empty when it is. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!EXACT.matcher(version).matches()) {
            problems.add("chart " + chart + " must be pinned to an exact version (like 1.2.3), not '" + version + "'");
        }
        if (!repoUrl.startsWith("https://") && !repoUrl.startsWith("oci://")) {
            problems.add("chart " + chart + " repository must be an https:// or oci:// URL, not '" + repoUrl + "'");
        }
        return problems;
    }
}
