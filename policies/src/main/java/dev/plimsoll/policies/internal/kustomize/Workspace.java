package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.YamlReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files one or more builds read, confined to a lint root: a path that leads outside it (directly, through {@code
 * ..} or through a symbolic link) is a {@link KustomizeError.Kind#PATH_ESCAPE} error and is never read. Reads and
 * parses are cached, so that a base included by several overlays is read once. Thread-safe.
 */
final class Workspace {

    /** Bytes and parse results of one file. */
    record Parsed(String file, YamlReader.Result yaml) {}

    static final List<String> KUSTOMIZATION_FILE_NAMES =
            List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private static final YamlReader KUSTOMIZE_READER =
            new YamlReader(YamlReader.Limits.DEFAULT, YamlReader.Typing.KUSTOMIZE);
    private static final YamlReader KUBERNETES_READER = new YamlReader();

    final Path root;
    private final Path realRoot;
    private final Map<Path, byte[]> bytes;
    private final Map<Path, Parsed> resources;
    private final Map<Path, Parsed> configs;
    /** The files this workspace (one build) has read, in the order first read. */
    private final Set<Path> read = Collections.synchronizedSet(new LinkedHashSet<>());

    Workspace(Path root) {
        this.root = root.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.root.toRealPath();
        } catch (IOException e) {
            real = this.root;
        }
        this.realRoot = real;
        this.bytes = new ConcurrentHashMap<>();
        this.resources = new ConcurrentHashMap<>();
        this.configs = new ConcurrentHashMap<>();
    }

    /** A workspace for one build: the caches of {@code shared}, its own record of files read. */
    Workspace(Workspace shared) {
        this.root = shared.root;
        this.realRoot = shared.realRoot;
        this.bytes = shared.bytes;
        this.resources = shared.resources;
        this.configs = shared.configs;
    }

    /** The files read so far, absolute and normalized. */
    Set<Path> filesRead() {
        synchronized (read) {
            return Set.copyOf(read);
        }
    }

    /** The path findings show: relative to the root, {@code /}-separated. */
    String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String shown = absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
        if (shown.isEmpty()) {
            return ".";
        }
        return File.separatorChar == '/' ? shown : shown.replace(File.separatorChar, '/');
    }

    /** {@code entry} resolved against {@code dir}, or an error when it is not a usable path. */
    Path resolve(Path dir, String entry, String file, KNode at) {
        try {
            return dir.resolve(entry).normalize();
        } catch (InvalidPathException e) {
            throw KustomizeError.failed(file, at, "invalid path '" + entry + "'");
        }
    }

    /**
     * Confirms {@code path} stays inside the lint root, symbolic links resolved; {@code what} and {@code entry} name it
     * in the error.
     */
    void confine(Path path, String file, KNode at, String entry) {
        Path absolute = path.toAbsolutePath().normalize();
        boolean inside = absolute.startsWith(root);
        if (inside && Files.exists(absolute)) {
            try {
                inside = absolute.toRealPath().startsWith(realRoot);
            } catch (IOException e) {
                inside = true; // unreadable: the read reports it
            }
        }
        if (!inside) {
            throw new KustomizeError(
                    KustomizeError.Kind.PATH_ESCAPE,
                    file,
                    at == null ? 1 : at.line,
                    at == null ? 1 : at.column,
                    "'" + entry + "' leads outside the lint root; it was not read");
        }
    }

    boolean isDirectory(Path path) {
        return Files.isDirectory(path);
    }

    boolean isFile(Path path) {
        return Files.isRegularFile(path);
    }

    /** The kustomization file of {@code dir}, or null when it has none; more than one is an error. */
    Path kustomizationFile(Path dir, String file, KNode at) {
        Path found = null;
        for (String name : KUSTOMIZATION_FILE_NAMES) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                if (found != null) {
                    throw KustomizeError.failed(file, at, "Found multiple kustomization files under: " + display(dir));
                }
                found = candidate;
            }
        }
        return found;
    }

    byte[] read(Path path, String file, KNode at) {
        read.add(path);
        byte[] cached = bytes.get(path);
        if (cached != null) {
            return cached;
        }
        try {
            byte[] read = Files.readAllBytes(path);
            bytes.put(path, read);
            return read;
        } catch (NoSuchFileException e) {
            throw KustomizeError.failed(file, at, "no such file: " + display(path));
        } catch (IOException e) {
            throw KustomizeError.failed(file, at, "cannot read " + display(path) + ": " + e.getMessage());
        }
    }

    /** A resource, patch or component file, typed as Kustomize types it. */
    Parsed resourceYaml(Path path, String file, KNode at) {
        read.add(path);
        Parsed parsed = resources.get(path);
        if (parsed == null) {
            parsed = new Parsed(display(path), KUSTOMIZE_READER.read(read(path, file, at)));
            resources.put(path, parsed);
        }
        return parsed;
    }

    /** A kustomization or transformer configuration, typed as sigs.k8s.io/yaml (go-yaml v2) reads it. */
    Parsed configYaml(Path path, String file, KNode at) {
        read.add(path);
        Parsed parsed = configs.get(path);
        if (parsed == null) {
            parsed = new Parsed(display(path), KUBERNETES_READER.read(read(path, file, at)));
            configs.put(path, parsed);
        }
        return parsed;
    }

    static YamlReader.Result parseResourceText(String text) {
        return KUSTOMIZE_READER.read(text);
    }

    static YamlReader.Result parseConfigText(String text) {
        return KUBERNETES_READER.read(text);
    }
}
