package dev.plimsoll.policies.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the tests that compare with {@code kubectl kustomize} over the shared corpus need first: the corpus and kubectl.
 * Either missing skips the test loudly, naming it, so that a fresh clone still passes and CI sees the skip.
 */
public final class KustomizeCorpus {

    private KustomizeCorpus() {}

    /** The corpus (system property {@code plimsoll.corpus}, set by surefire to ../shared/corpus), or a loud skip. */
    public static Path corpusOrSkip(String test) {
        String property = System.getProperty("plimsoll.corpus");
        Path corpus = property == null ? null : Path.of(property);
        boolean present = corpus != null && Files.isRegularFile(corpus.resolve("kustomize-builds.json"));
        if (!present) {
            System.err.println("SKIPPED " + test + ": no corpus at " + property
                    + " (system property plimsoll.corpus, set by surefire to ../shared/corpus)");
        }
        assumeTrue(present, "corpus with kustomize-builds.json present");
        return corpus;
    }

    /**
     * The kustomize version kubectl embeds, as a file-name-safe key for caches of kubectl's output; a loud skip when
     * kubectl cannot run.
     */
    public static String kubectlOrSkip(String test) throws InterruptedException {
        String version = null;
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0) {
                for (String line : text.split("\n")) {
                    if (line.startsWith("Kustomize Version:")) {
                        version = "kustomize-"
                                + line.substring("Kustomize Version:".length()).trim();
                    }
                }
            }
        } catch (IOException e) {
            version = null;
        }
        if (version == null) {
            System.err.println("SKIPPED " + test + ": `kubectl version --client` did not run or names no Kustomize"
                    + " version; install kubectl to run this test");
        }
        assumeTrue(version != null, "kubectl with kustomize on the PATH");
        return version.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
