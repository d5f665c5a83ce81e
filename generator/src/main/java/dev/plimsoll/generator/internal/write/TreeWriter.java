package dev.plimsoll.generator.internal.write;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.plimsoll.generator.CheckResult;
import dev.plimsoll.generator.FileChange;
import dev.plimsoll.generator.KustomizeTree;
import dev.plimsoll.generator.UnownedFileException;
import dev.plimsoll.generator.WriteResult;
import dev.plimsoll.generator.internal.names.Names;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a {@link KustomizeTree} into an output directory safely, or compares it with what is there.
 *
 * <ul>
 *   <li>A file that exists but is not in the {@link OwnershipIndex} (hand-written) is never overwritten or deleted:
 *       the write is refused before anything changes.
 *   <li>Only files listed in the index that the new tree no longer has are pruned; nothing outside the output roots is
 *       touched.
 *   <li>Each file is written to a temporary file in its own directory and renamed over the target. Before the first
 *       file, the index is rewritten to own both the old and the new files; after the last, to own exactly the new
 *       ones. A crash in between leaves old and new files mixed, all owned: {@code check} reports the difference and
 *       the next run repairs it.
 *   <li>One run at a time per output directory ({@link TreeLock}).
 * </ul>
 */
public final class TreeWriter {

    private static final String TEMP_SUFFIX = ".plimsoll-tmp";

    /** Called before each file is written or pruned; tests make it throw to simulate a crash. */
    interface Hook {
        void before(String path) throws IOException;
    }

    private final Path root;
    private final Hook hook;

    public TreeWriter(Path root) {
        this(root, path -> {});
    }

    TreeWriter(Path root, Hook hook) {
        this.root = root.toAbsolutePath().normalize();
        this.hook = hook;
    }

    public WriteResult write(KustomizeTree tree) throws IOException {
        Files.createDirectories(root);
        try (TreeLock lock = TreeLock.acquire(root)) {
            OwnershipIndex index = OwnershipIndex.read(root);
            List<String> write = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            List<String> unowned = new ArrayList<>();
            for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
                Path target = resolve(file.getKey());
                if (!safeParents(file.getKey())) {
                    unowned.add(file.getKey() + " (a symbolic link or a file where its directory should be)");
                } else if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    write.add(file.getKey());
                } else if (!index.owns(file.getKey()) || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                    unowned.add(file.getKey());
                } else if (Arrays.equals(Files.readAllBytes(target), file.getValue())) {
                    unchanged.add(file.getKey());
                } else {
                    write.add(file.getKey());
                }
            }
            if (!unowned.isEmpty()) {
                throw new UnownedFileException(unowned);
            }
            List<String> prune = prunable(index, tree);
            SortedMap<String, String> owned = new TreeMap<>();
            tree.files().forEach((path, bytes) -> owned.put(path, Names.sha256(bytes)));
            if (write.isEmpty() && prune.isEmpty() && owned.equals(index.files())) {
                return new WriteResult(List.of(), unchanged, List.of());
            }
            SortedMap<String, String> intent = new TreeMap<>(index.files());
            intent.putAll(owned);
            writeAtomically(OwnershipIndex.PATH, new OwnershipIndex(intent).bytes());
            for (String path : write) {
                hook.before(path);
                writeAtomically(path, tree.bytes(path));
            }
            for (String path : prune) {
                hook.before(path);
                Files.deleteIfExists(resolve(path));
                removeEmptyDirectories(resolve(path).getParent());
            }
            removeTemporaryFiles();
            writeAtomically(OwnershipIndex.PATH, new OwnershipIndex(owned).bytes());
            return new WriteResult(write, unchanged, prune);
        }
    }

    /** Compares without writing anything. */
    public CheckResult check(KustomizeTree tree) throws IOException {
        OwnershipIndex index = OwnershipIndex.read(root);
        List<FileChange> changes = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
            Path target = resolve(file.getKey());
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                changes.add(new FileChange(file.getKey(), FileChange.Kind.CREATE, null));
            } else if (!index.owns(file.getKey())
                    || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                    || !safeParents(file.getKey())) {
                changes.add(new FileChange(file.getKey(), FileChange.Kind.UNOWNED, null));
            } else {
                byte[] onDisk = Files.readAllBytes(target);
                if (!Arrays.equals(onDisk, file.getValue())) {
                    changes.add(new FileChange(
                            file.getKey(),
                            FileChange.Kind.UPDATE,
                            unifiedDiff(file.getKey(), onDisk, file.getValue())));
                }
            }
        }
        for (String path : prunable(index, tree)) {
            changes.add(new FileChange(path, FileChange.Kind.PRUNE, null));
        }
        changes.sort((a, b) -> a.path().compareTo(b.path()));
        return new CheckResult(changes);
    }

    /** Owned files that the tree no longer has and that are still on disk, inside the output roots. */
    private List<String> prunable(OwnershipIndex index, KustomizeTree tree) {
        List<String> prune = new ArrayList<>();
        for (String path : index.files().keySet()) {
            if (!tree.files().containsKey(path)
                    && KustomizeTree.underRoots(path)
                    && safeParents(path)
                    && Files.isRegularFile(resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                prune.add(path);
            }
        }
        return prune;
    }

    private Path resolve(String path) {
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("outside the output directory: " + path);
        }
        return resolved;
    }

    /**
     * True when every existing directory between the root and {@code path} is a real directory: not a symbolic link
     * (that could lead outside the root), not a file.
     */
    private boolean safeParents(String path) {
        Path current = root;
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            current = current.resolve(segments[i]);
            if (Files.isSymbolicLink(current)
                    || (Files.exists(current, LinkOption.NOFOLLOW_LINKS)
                            && !Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS))) {
                return false;
            }
        }
        return true;
    }

    private void writeAtomically(String path, byte[] bytes) throws IOException {
        Path target = resolve(path);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", TEMP_SUFFIX);
        try {
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Removes directories that pruning left empty, up to (not including) the output root. */
    private void removeEmptyDirectories(Path directory) throws IOException {
        Path current = directory;
        while (current != null && current.startsWith(root) && !current.equals(root)) {
            try {
                Files.delete(current);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
            current = current.getParent();
        }
    }

    /** Deletes temporary files that an interrupted run left in the output roots; they are ours by their name. */
    private void removeTemporaryFiles() throws IOException {
        for (String name : KustomizeTree.ROOTS) {
            Path directory = root.resolve(name);
            if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(TEMP_SUFFIX)
                                && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                        .toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    static String unifiedDiff(String path, byte[] before, byte[] after) {
        List<String> old = lines(before);
        List<String> updated = lines(after);
        List<String> diff =
                UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, old, DiffUtils.diff(old, updated), 3);
        return String.join("\n", diff) + "\n";
    }

    private static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }
}
