package dev.plimsoll.policies.internal.kustomize;

import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.YamlReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds a tree with a {@code kustomize} or {@code kubectl} binary from the PATH, for trees the embedded renderer does
 * not support, when the user allows it. The objects carry no source mapping: each points at the kustomization file.
 */
public final class ExternalKustomize {

    private ExternalKustomize() {}

    public static Builder.Result build(Builder builder, Path dir) {
        Path absolute = builder.root().resolve(dir).toAbsolutePath().normalize();
        String shown = builder.display(absolute);
        List<String> command = command(absolute);
        if (command == null) {
            return new Builder.Result(
                    shown,
                    List.of(),
                    new Builder.Failure(
                            "EXTERNAL",
                            shown,
                            1,
                            1,
                            "neither kustomize nor kubectl is on the PATH for an external build"));
        }
        try {
            Path errors = Files.createTempFile("plimsoll-kustomize", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectError(errors.toFile())
                        .start();
                byte[] output = process.getInputStream().readAllBytes();
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    return failed(shown, String.join(" ", command) + " timed out");
                }
                if (process.exitValue() != 0) {
                    return failed(
                            shown,
                            String.join(" ", command) + " failed: "
                                    + Files.readString(errors).strip());
                }
                return parse(shown, absolute, builder, output);
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            return failed(shown, "cannot run " + String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(shown, "interrupted while running " + String.join(" ", command));
        }
    }

    private static Builder.Result parse(String shown, Path dir, Builder builder, byte[] output) {
        YamlReader.Result read = new YamlReader().read(output);
        if (!read.problems().isEmpty()) {
            return failed(
                    shown,
                    "cannot read the external build's output: "
                            + read.problems().get(0).message());
        }
        String file = shown;
        for (String name : Workspace.KUSTOMIZATION_FILE_NAMES) {
            if (Files.isRegularFile(dir.resolve(name))) {
                file = builder.display(dir.resolve(name));
                break;
            }
        }
        List<Builder.Built> objects = new ArrayList<>();
        for (YamlReader.Document document : read.documents()) {
            if (!(document.root() instanceof MappingNode)) {
                continue;
            }
            KNode node = Trees.fromNode(document.root(), file);
            relocate(node, file);
            Map<Node, String> files = Trees.newFileMap();
            objects.add(new Builder.Built((MappingNode) Trees.toNode(node, file, files), file, 0, files, List.of()));
        }
        return new Builder.Result(shown, objects, null);
    }

    private static void relocate(KNode node, String file) {
        node.at(file, 1, 1);
        if (node instanceof KMap map) {
            map.fields.values().forEach(child -> relocate(child, file));
        } else if (node instanceof KList list) {
            list.items.forEach(child -> relocate(child, file));
        }
    }

    private static Builder.Result failed(String shown, String message) {
        return new Builder.Result(shown, List.of(), new Builder.Failure("EXTERNAL", shown, 1, 1, message));
    }

    private static List<String> command(Path dir) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String binary : new String[] {"kustomize", "kubectl"}) {
            for (String entry : path.split(File.pathSeparator)) {
                Path candidate = Path.of(entry, binary);
                if (Files.isExecutable(candidate)) {
                    return binary.equals("kustomize")
                            ? List.of(candidate.toString(), "build", dir.toString())
                            : List.of(candidate.toString(), "kustomize", dir.toString());
                }
            }
        }
        return null;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
