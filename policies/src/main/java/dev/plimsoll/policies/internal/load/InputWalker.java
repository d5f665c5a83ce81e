package dev.plimsoll.policies.internal.load;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.LintRequest;
import dev.plimsoll.policies.Location;
import dev.plimsoll.policies.Source;
import dev.plimsoll.policies.config.LintConfig;
import dev.plimsoll.policies.internal.engine.Findings;
import dev.plimsoll.policies.rule.Diagnostic;
import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lists the inputs of a request in a deterministic order (by the path findings show; in-memory sources by their name,
 * those of one name in the order given), walking directories recursively. Hidden files and directories are not walked into, but are read when
 * named; symbolic links are followed only while they stay inside the lint root, and a link back to a directory being
 * walked is not followed at all. Problems on the way become findings.
 */
final class InputWalker {

    /** The inputs to read and the problems found while listing them. */
    record Walked(List<Input> inputs, List<Finding> problems) {}

    private final Path root;
    private final Path realRoot;
    private final Environments environments;
    private final Map<String, Input> files = new TreeMap<>();
    private final List<Finding> problems = new ArrayList<>();

    private InputWalker(Path root, Environments environments) {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = realPath(this.root);
        this.environments = environments;
    }

    static Walked walk(LintRequest request, Environments environments) {
        InputWalker walker = new InputWalker(request.root(), environments);
        for (Path path : request.paths()) {
            walker.named(path);
        }
        List<Input> inputs = new ArrayList<>(walker.files.values());
        for (Source source : request.sources()) {
            inputs.add(Input.ofSource(source, environments.of(source.name())));
        }
        // Stable, so that sources with the same name keep the order they were given in.
        inputs.sort(Comparator.comparing(Input::file));
        return new Walked(inputs, walker.problems);
    }

    /** True for the files a directory walk reads: YAML and JSON files, and Kustomize's extensionless name. */
    static boolean isManifestFileName(String name) {
        return name.endsWith(".yaml")
                || name.endsWith(".yml")
                || name.endsWith(".json")
                || name.equals(Kustomizations.EXTENSIONLESS_FILE_NAME);
    }

    private void named(Path given) {
        Path path = root.resolve(given).normalize();
        String file = display(given, path);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            problem(Diagnostic.INPUT_UNREADABLE, file, reason(e));
            return;
        }
        if (attributes.isDirectory()) {
            Path real = realPath(path);
            Path boundary = real.startsWith(realRoot) ? realRoot : real;
            Map<Path, String> ancestors = new HashMap<>();
            ancestors.put(real, file);
            directory(path, file, boundary, ancestors);
        } else {
            add(file, path, attributes);
        }
    }

    private void directory(Path dir, String file, Path boundary, Map<Path, String> ancestors) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            problem(Diagnostic.INPUT_UNREADABLE, file, "cannot list the directory: " + reason(e));
            return;
        }
        entries.sort(Comparator.comparing(entry -> entry.getFileName().toString()));
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            String child = file.equals(".") ? name : file + "/" + name;
            if (child.equals(LintConfig.FILE_NAME)) {
                continue;
            }
            entry(entry, child, boundary, ancestors);
        }
    }

    private void entry(Path entry, String file, Path boundary, Map<Path, String> ancestors) {
        boolean manifestName = isManifestFileName(entry.getFileName().toString());
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            if (manifestName) {
                problem(Diagnostic.INPUT_UNREADABLE, file, reason(e));
            }
            return;
        }
        Path real;
        if (attributes.isSymbolicLink()) {
            try {
                real = entry.toRealPath();
                attributes = Files.readAttributes(real, BasicFileAttributes.class);
            } catch (FileSystemException e) {
                if (e.getReason() != null && e.getReason().contains("symbolic links")) {
                    // ELOOP: links that lead to each other and never to a file or directory.
                    problem(Diagnostic.INPUT_SKIPPED, file, "symbolic link loop; not followed");
                } else if (manifestName) {
                    problem(Diagnostic.INPUT_UNREADABLE, file, "broken symbolic link: " + reason(e));
                }
                return;
            } catch (IOException e) {
                if (manifestName) {
                    problem(Diagnostic.INPUT_UNREADABLE, file, "broken symbolic link: " + reason(e));
                }
                return;
            }
            if (!real.startsWith(boundary)) {
                if (manifestName || attributes.isDirectory()) {
                    problem(Diagnostic.INPUT_SKIPPED, file, "symbolic link leads outside the lint root; not followed");
                }
                return;
            }
        } else if (attributes.isDirectory()) {
            real = realPath(entry);
        } else {
            real = null;
        }
        if (attributes.isDirectory()) {
            String loop = ancestors.get(real);
            if (loop != null) {
                problem(
                        Diagnostic.INPUT_SKIPPED,
                        file,
                        "symbolic link leads back to " + loop + ", which is being walked; not followed");
                return;
            }
            ancestors.put(real, file);
            directory(entry, file, boundary, ancestors);
            ancestors.remove(real);
        } else if (attributes.isRegularFile() && manifestName) {
            add(file, entry, attributes);
        }
    }

    private void add(String file, Path path, BasicFileAttributes attributes) {
        long size = attributes.isRegularFile() ? attributes.size() : -1;
        files.putIfAbsent(file, Input.ofFile(file, path, size, environments.of(file)));
    }

    private void problem(Diagnostic diagnostic, String file, String message) {
        problems.add(Findings.diagnostic(diagnostic, Location.ofFile(file), environments.of(file), message));
    }

    /** The path findings show: relative to the root when inside it, else the path as given, normalized. */
    private String display(Path given, Path absolute) {
        Path shown;
        if (absolute.startsWith(root)) {
            shown = root.relativize(absolute);
            if (shown.toString().isEmpty()) {
                return ".";
            }
        } else {
            shown = given.normalize();
        }
        return separatorsToSlashes(shown.toString());
    }

    private static String separatorsToSlashes(String path) {
        return File.separatorChar == '/' ? path : path.replace(File.separatorChar, '/');
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    /** Why an I/O operation failed, without the absolute path the exception message repeats. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
