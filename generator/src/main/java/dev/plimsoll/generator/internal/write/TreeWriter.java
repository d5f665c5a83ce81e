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
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    /**
     * Writers at once. Measured on 2 cores (7,830 files): four are as fast as eight on a file system in a normal state
     * and faster where creating a file is slow (eight then spin on the shared directories' locks); one is 20% slower.
     */
    private static final int IO_THREADS = 4;

    /** Called before each file is written or pruned; tests make it throw to simulate a crash. */
    interface Hook {
        void before(String path) throws IOException;
    }

    private final Path root;
    private final Hook hook;
    /** Directories checked by {@link #safeDirectory} during the current write or check; cleared when one starts. */
    private final Map<String, Boolean> safeDirectories = new ConcurrentHashMap<>();

    public TreeWriter(Path root) {
        this(root, path -> {});
    }

    TreeWriter(Path root, Hook hook) {
        this.root = root.toAbsolutePath().normalize();
        this.hook = hook;
    }

    @SuppressWarnings("try") // the lock is held for the block, not used in it
    public WriteResult write(KustomizeTree tree) throws IOException {
        Files.createDirectories(root);
        try (TreeLock lock = TreeLock.acquire(root)) {
            safeDirectories.clear();
            OwnershipIndex index = OwnershipIndex.read(root);
            Map<String, State> states = new ConcurrentHashMap<>();
            inParallel(List.copyOf(tree.files().keySet()), path -> states.put(path, state(index, tree, path)));
            List<String> write = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            List<String> unowned = new ArrayList<>();
            for (String path : tree.files().keySet()) {
                switch (states.get(path)) {
                    case WRITE -> write.add(path);
                    case UNCHANGED -> unchanged.add(path);
                    case UNSAFE_PARENT ->
                        unowned.add(path + " (a symbolic link or a file where its directory should be)");
                    case UNOWNED -> unowned.add(path);
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
            for (Path directory : write.stream()
                    .map(path -> resolve(path).getParent())
                    .distinct()
                    .toList()) {
                Files.createDirectories(directory);
            }
            inParallel(write, path -> {
                hook.before(path);
                writeAtomically(path, tree.bytes(path));
            });
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
        safeDirectories.clear();
        OwnershipIndex index = OwnershipIndex.read(root);
        List<FileChange> changes = Collections.synchronizedList(new ArrayList<>());
        inParallel(List.copyOf(tree.files().keySet()), path -> {
            switch (state(index, tree, path)) {
                case WRITE -> {
                    Path target = resolve(path);
                    changes.add(
                            Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                                    ? new FileChange(
                                            path,
                                            FileChange.Kind.UPDATE,
                                            unifiedDiff(path, Files.readAllBytes(target), tree.bytes(path)))
                                    : new FileChange(path, FileChange.Kind.CREATE, null));
                }
                case UNSAFE_PARENT, UNOWNED -> changes.add(new FileChange(path, FileChange.Kind.UNOWNED, null));
                case UNCHANGED -> {}
            }
        });
        for (String path : prunable(index, tree)) {
            changes.add(new FileChange(path, FileChange.Kind.PRUNE, null));
        }
        changes.sort((a, b) -> a.path().compareTo(b.path()));
        return new CheckResult(changes);
    }

    /** What a write must do with one file of the tree. */
    private enum State {
        WRITE,
        UNCHANGED,
        UNOWNED,
        UNSAFE_PARENT
    }

    private State state(OwnershipIndex index, KustomizeTree tree, String path) throws IOException {
        Path target = resolve(path);
        if (!safeParents(path)) {
            return State.UNSAFE_PARENT;
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return State.WRITE;
        }
        if (!index.owns(path) || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return State.UNOWNED;
        }
        return Arrays.equals(Files.readAllBytes(target), tree.bytes(path)) ? State.UNCHANGED : State.WRITE;
    }

    /** An action on one file that may fail with an I/O error. */
    private interface FileAction {
        void run(String path) throws IOException;
    }

    /**
     * Runs {@code action} for every path on a few threads: creating thousands of small files is bound by file-system
     * latency, not by the processor. Waits for every action; rethrows the first failure.
     */
    private static void inParallel(List<String> paths, FileAction action) throws IOException {
        if (paths.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(IO_THREADS, paths.size()), runnable -> {
            Thread thread = new Thread(runnable, "plimsoll-tree-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> tasks = new ArrayList<>(paths.size());
            for (String path : paths) {
                tasks.add(pool.submit(() -> {
                    action.run(path);
                    return null;
                }));
            }
            IOException failure = null;
            for (Future<?> task : tasks) {
                try {
                    task.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while writing the tree");
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
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
        int slash = path.lastIndexOf('/');
        return slash < 0 || safeDirectory(path.substring(0, slash));
    }

    /** {@link #safeParents} of a directory path; thousands of files share a few hundred directories, hence the memo. */
    private boolean safeDirectory(String directory) {
        Boolean known = safeDirectories.get(directory);
        if (known != null) {
            return known;
        }
        int slash = directory.lastIndexOf('/');
        Path current = root.resolve(directory);
        boolean safe = (slash < 0 || safeDirectory(directory.substring(0, slash)))
                && !Files.isSymbolicLink(current)
                && (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)
                        || Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS));
        safeDirectories.put(directory, safe);
        return safe;
    }

    /** Writes {@code path}, whose directory exists (the lock's, or made by {@link #write} before the files). */
    private void writeAtomically(String path, byte[] bytes) throws IOException {
        Path target = resolve(path);
        // One run at a time holds the lock, so the temporary name only has to be unique among this run's files.
        Path temp = target.resolveSibling("." + target.getFileName() + TEMP_SUFFIX);
        try {
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
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
