package dev.plimsoll.generator.internal.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.generator.CheckResult;
import dev.plimsoll.generator.ConcurrentGenerationException;
import dev.plimsoll.generator.FileChange;
import dev.plimsoll.generator.KustomizeTree;
import dev.plimsoll.generator.UnownedFileException;
import dev.plimsoll.generator.WriteResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeWriterTest {

    @TempDir
    Path out;

    private static KustomizeTree tree(String... pathsAndContents) {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return new KustomizeTree(new TreeMap<>(files));
    }

    private static final KustomizeTree OLD = tree(
            "base/kustomization.yaml", "resources:\n- web\n",
            "base/web/deployment-web.yaml", "kind: Deployment\nreplicas: 1\n",
            "base/web/kustomization.yaml", "resources:\n- deployment-web.yaml\n",
            "overlays/prod/kustomization.yaml", "resources:\n- ../../base\n- audit\n",
            "overlays/prod/audit/deployment-audit.yaml", "kind: Deployment\n",
            "overlays/prod/audit/kustomization.yaml", "resources:\n- deployment-audit.yaml\n");

    private static final KustomizeTree NEW = tree(
            "base/kustomization.yaml", "resources:\n- web\n",
            "base/web/deployment-web.yaml", "kind: Deployment\nreplicas: 2\n",
            "base/web/kustomization.yaml", "resources:\n- deployment-web.yaml\n",
            "overlays/prod/kustomization.yaml", "resources:\n- ../../base\n",
            "overlays/staging/kustomization.yaml", "resources:\n- ../../base\n");

    private String read(String path) throws IOException {
        return Files.readString(out.resolve(path));
    }

    private List<String> allFiles() throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(TreeLock.PATH))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void write_emptyDirectory_writesTreeAndOwnershipIndex() throws Exception {
        // when
        WriteResult result = new TreeWriter(out).write(OLD);

        // then
        assertThat(result.written()).containsExactlyElementsOf(OLD.files().keySet());
        assertThat(read("base/web/deployment-web.yaml")).isEqualTo("kind: Deployment\nreplicas: 1\n");
        assertThat(OwnershipIndex.read(out).files())
                .containsOnlyKeys(OLD.files().keySet());
        assertThat(read(OwnershipIndex.PATH))
                .startsWith("{\n  \"version\" : 1,\n  \"files\" : {\n    \"base/kustomization.yaml\" : \"")
                .endsWith("}\n");
    }

    @Test
    void write_sameTreeAgain_writesNothing() throws Exception {
        // given
        new TreeWriter(out).write(OLD);
        String index = read(OwnershipIndex.PATH);

        // when
        WriteResult again = new TreeWriter(out).write(OLD);

        // then
        assertThat(again.written()).isEmpty();
        assertThat(again.pruned()).isEmpty();
        assertThat(again.unchanged()).hasSize(OLD.files().size());
        assertThat(read(OwnershipIndex.PATH)).isEqualTo(index);
        assertThat(new TreeWriter(out).check(OLD).current()).isTrue();
    }

    @Test
    void write_handWrittenFileWhereTheTreeWrites_refusedAndNothingWritten() throws Exception {
        // given
        Files.createDirectories(out.resolve("base/web"));
        Files.writeString(out.resolve("base/web/deployment-web.yaml"), "# mine\n");

        // when / then
        assertThatThrownBy(() -> new TreeWriter(out).write(OLD))
                .isInstanceOf(UnownedFileException.class)
                .hasMessageContaining("base/web/deployment-web.yaml");
        assertThat(read("base/web/deployment-web.yaml")).isEqualTo("# mine\n");
        assertThat(allFiles()).containsExactly("base/web/deployment-web.yaml");
    }

    @Test
    void write_handWrittenFilesBesideTheTree_neverTouchedEvenWhenPruning() throws Exception {
        // given
        Files.createDirectories(out.resolve("overlays/prod/audit"));
        Files.writeString(out.resolve("overlays/prod/audit/NOTES.md"), "why audit runs in prod\n");
        Files.writeString(out.resolve("README.md"), "manifests\n");
        new TreeWriter(out).write(OLD);

        // when
        WriteResult result = new TreeWriter(out).write(NEW);

        // then
        assertThat(result.pruned())
                .containsExactly("overlays/prod/audit/deployment-audit.yaml", "overlays/prod/audit/kustomization.yaml");
        assertThat(read("overlays/prod/audit/NOTES.md")).isEqualTo("why audit runs in prod\n");
        assertThat(read("README.md")).isEqualTo("manifests\n");
    }

    @Test
    void write_pruning_removesOnlyOwnedFilesAndTheDirectoriesItEmptied() throws Exception {
        // given
        new TreeWriter(out).write(OLD);

        // when
        WriteResult result = new TreeWriter(out).write(NEW);

        // then
        assertThat(result.written())
                .containsExactly(
                        "base/web/deployment-web.yaml",
                        "overlays/prod/kustomization.yaml",
                        "overlays/staging/kustomization.yaml");
        assertThat(out.resolve("overlays/prod/audit")).doesNotExist();
        assertThat(allFiles())
                .containsExactlyElementsOf(Stream.concat(NEW.files().keySet().stream(), Stream.of(OwnershipIndex.PATH))
                        .sorted()
                        .toList());
        assertThat(OwnershipIndex.read(out).files())
                .containsOnlyKeys(NEW.files().keySet());
    }

    @Test
    void write_indexNamingFilesOutsideTheRoots_thoseFilesNeverPruned() throws Exception {
        // given: an index that claims files outside base/, overlays/ and rendered/
        new TreeWriter(out).write(OLD);
        Files.writeString(out.resolve("pom.xml"), "<project/>\n");
        Map<String, String> claimed = new TreeMap<>(OwnershipIndex.read(out).files());
        claimed.put("pom.xml", "0");
        claimed.put("base/../pom.xml", "0");
        Files.write(out.resolve(OwnershipIndex.PATH), new OwnershipIndex(claimed).bytes());

        // when
        WriteResult result = new TreeWriter(out).write(NEW);

        // then
        assertThat(result.pruned()).doesNotContain("pom.xml", "base/../pom.xml");
        assertThat(read("pom.xml")).isEqualTo("<project/>\n");
    }

    @Test
    void write_crashBetweenFileWrites_checkReportsItAndARerunRepairs() throws Exception {
        // given: the old tree, then a run that dies when it comes to one of its files
        new TreeWriter(out).write(OLD);
        TreeWriter crashing = new TreeWriter(out, path -> {
            if (path.equals("overlays/prod/kustomization.yaml")) {
                throw new IOException("simulated crash before " + path);
            }
        });

        // when
        assertThatThrownBy(() -> crashing.write(NEW)).hasMessageStartingWith("simulated crash");

        // then: old and new files mixed, every one of them owned, which check reports
        assertThat(read("overlays/prod/kustomization.yaml")).isEqualTo("resources:\n- ../../base\n- audit\n");
        CheckResult check = new TreeWriter(out).check(NEW);
        assertThat(check.current()).isFalse();
        assertThat(check.changes())
                .extracting(FileChange::toString)
                .contains(
                        "would prune overlays/prod/audit/deployment-audit.yaml",
                        "would prune overlays/prod/audit/kustomization.yaml",
                        "stale overlays/prod/kustomization.yaml");
        assertThat(OwnershipIndex.read(out).files())
                .containsKeys("overlays/prod/audit/deployment-audit.yaml", "overlays/staging/kustomization.yaml");

        // and: the next run repairs it
        new TreeWriter(out).write(NEW);
        assertThat(new TreeWriter(out).check(NEW).current()).isTrue();
        assertThat(allFiles())
                .containsExactlyElementsOf(Stream.concat(NEW.files().keySet().stream(), Stream.of(OwnershipIndex.PATH))
                        .sorted()
                        .toList());
    }

    @Test
    void write_anotherRunHoldsTheLock_refusedAndNothingWritten() throws Exception {
        // given
        try (TreeLock held = TreeLock.acquire(out)) {
            // when / then
            assertThatThrownBy(() -> new TreeWriter(out).write(OLD))
                    .isInstanceOf(ConcurrentGenerationException.class)
                    .hasMessageContaining(".plimsoll/generate.lock");
            assertThat(allFiles()).isEmpty();
        }
        // and: once released, a run goes through
        assertThat(new TreeWriter(out).write(OLD).written()).hasSize(OLD.files().size());
    }

    @Test
    void check_staleFile_unifiedDiffFromDiskToRender() throws Exception {
        // given
        new TreeWriter(out).write(OLD);

        // when
        CheckResult check = new TreeWriter(out).check(NEW);

        // then
        FileChange stale = check.changes().stream()
                .filter(c -> c.path().equals("base/web/deployment-web.yaml"))
                .findFirst()
                .orElseThrow();
        assertThat(stale.kind()).isEqualTo(FileChange.Kind.UPDATE);
        assertThat(stale.diff()).isEqualTo("""
                        --- a/base/web/deployment-web.yaml
                        +++ b/base/web/deployment-web.yaml
                        @@ -1,3 +1,3 @@
                         kind: Deployment
                        -replicas: 1
                        +replicas: 2
                        \s
                        """);
        assertThat(allFiles()).doesNotContain("overlays/staging/kustomization.yaml");
    }

    @Test
    void check_handWrittenFileInTheWay_reportedAsUnowned() throws Exception {
        // given
        Files.createDirectories(out.resolve("base"));
        Files.writeString(out.resolve("base/kustomization.yaml"), "resources: []\n");

        // when
        CheckResult check = new TreeWriter(out).check(OLD);

        // then
        assertThat(check.changes())
                .filteredOn(c -> c.kind() == FileChange.Kind.UNOWNED)
                .extracting(FileChange::path)
                .containsExactly("base/kustomization.yaml");
    }

    @Test
    void write_symbolicLinkOnTheWay_refused(@TempDir Path elsewhere) throws Exception {
        // given
        Files.createSymbolicLink(out.resolve("base"), elsewhere);

        // when / then
        assertThatThrownBy(() -> new TreeWriter(out).write(OLD))
                .isInstanceOf(UnownedFileException.class)
                .hasMessageContaining(
                        "base/kustomization.yaml (a symbolic link or a file where its directory should be)");
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }
}
