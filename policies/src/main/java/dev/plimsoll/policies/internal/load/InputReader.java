package dev.plimsoll.policies.internal.load;

import dev.plimsoll.policies.Finding;
import dev.plimsoll.policies.Location;
import dev.plimsoll.policies.internal.engine.Findings;
import dev.plimsoll.policies.manifest.Manifest;
import dev.plimsoll.policies.rule.Diagnostic;
import dev.plimsoll.policies.yaml.MappingNode;
import dev.plimsoll.policies.yaml.Node;
import dev.plimsoll.policies.yaml.Position;
import dev.plimsoll.policies.yaml.ScalarNode;
import dev.plimsoll.policies.yaml.SequenceNode;
import dev.plimsoll.policies.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one input into Kubernetes objects and findings. Holds no state between calls, so inputs are read in parallel.
 */
final class InputReader {

    /**
     * What one input produced.
     *
     * @param read whether its bytes were read at all
     * @param documents how many non-empty documents it holds
     * @param kustomization the parsed kustomization, when the input is a kustomization file
     */
    record Loaded(
            Input input,
            boolean read,
            long bytes,
            int documents,
            List<Manifest> manifests,
            List<Finding> findings,
            MappingNode kustomization) {}

    private final YamlReader yaml;
    private final int maxBytes;

    InputReader(YamlReader.Limits limits) {
        this.yaml = new YamlReader(limits);
        this.maxBytes = limits.maxBytes();
    }

    Loaded read(Input input) {
        try {
            return readChecked(input);
        } catch (RuntimeException e) {
            // A bug of ours must not cost the other files their findings.
            Finding error = diagnostic(
                    Diagnostic.TOOL_ERROR, input, Location.ofFile(input.file()), "could not load the file: " + e);
            return new Loaded(input, false, 0, 0, List.of(), List.of(error), null);
        }
    }

    private Loaded readChecked(Input input) {
        if (input.size() > maxBytes) {
            // Never read into memory a file the reader would refuse anyway.
            return unread(
                    input,
                    Diagnostic.YAML_LIMIT,
                    "file is " + input.size() + " bytes, over the limit of " + maxBytes + " bytes");
        }
        byte[] bytes;
        try {
            bytes = input.content() != null ? input.content() : bytes(input.path(), input.size());
        } catch (IOException e) {
            return unread(input, Diagnostic.INPUT_UNREADABLE, InputWalker.reason(e));
        }
        if (bytes == null) {
            return unread(input, Diagnostic.YAML_LIMIT, "file is over the limit of " + maxBytes + " bytes");
        }
        boolean mayHoldTemplates = HelmTemplates.mayHoldTemplates(bytes);
        // A document that came with its tree is read from the tree; the template check needs positions, so text that
        // may hold templates is parsed as any other.
        YamlReader.Result result = input.document() != null && !mayHoldTemplates
                ? yaml.readWritten(input.document(), bytes)
                : yaml.read(bytes);
        SourceText text = mayHoldTemplates ? SourceText.of(bytes) : null;
        boolean kustomizationFile = Kustomizations.isKustomizationFile(input.fileName());
        List<Finding> findings = new ArrayList<>();
        for (YamlReader.Problem problem : result.problems()) {
            findings.add(problem(input, problem, kustomizationFile ? null : text));
        }
        List<Manifest> manifests = new ArrayList<>();
        MappingNode kustomization = null;
        int documents = 0;
        for (YamlReader.Document document : result.documents()) {
            Node root = document.root();
            if (root == null || (root instanceof ScalarNode scalar && scalar.isNull() && !scalar.quoted())) {
                continue;
            }
            documents++;
            if (kustomizationFile) {
                if (kustomization == null && root instanceof MappingNode mapping) {
                    kustomization = mapping;
                }
                continue;
            }
            if (root instanceof MappingNode mapping && Kustomizations.isKustomizeConfig(mapping)) {
                continue;
            }
            Optional<ScalarNode> templated =
                    text == null ? Optional.empty() : HelmTemplates.templatedScalar(root, text);
            if (templated.isPresent()) {
                findings.add(diagnostic(
                        Diagnostic.HELM_TEMPLATE,
                        input,
                        Findings.location(input.file(), templated.get()),
                        "looks like a Helm template (" + HelmTemplates.expression(templated.get())
                                + "); render it with `helm template` first and lint the output"));
                continue;
            }
            objects(input, document.index(), root, "document", manifests, findings);
        }
        if (documents == 0 && result.problems().isEmpty() && !kustomizationFile) {
            findings.add(diagnostic(
                    Diagnostic.EMPTY_FILE, input, Location.ofFile(input.file()), "file contains no YAML documents"));
        }
        return new Loaded(input, true, bytes.length, documents, manifests, findings, kustomization);
    }

    /** Turns a document (or a list item) into objects: itself, or each item of a {@code kind: List}. */
    private void objects(
            Input input, int index, Node node, String what, List<Manifest> manifests, List<Finding> findings) {
        if (!(node instanceof MappingNode object)) {
            String shape = node instanceof SequenceNode ? "a sequence" : "a scalar";
            findings.add(notKubernetes(input, node, what + " is " + shape + ", not a Kubernetes object"));
            return;
        }
        Node items = object.get("items");
        if (isList(object, items)) {
            if (items instanceof SequenceNode sequence) {
                for (Node item : sequence.items()) {
                    objects(input, index, item, "list item", manifests, findings);
                }
            }
            return;
        }
        NotAnObject problem = missingFields(object);
        if (problem != null) {
            findings.add(notKubernetes(input, problem.at(), problem.message()));
            return;
        }
        manifests.add(new Manifest(input.file(), index, object, input.environment()));
    }

    /** A {@code v1/List} or a typed {@code *List} as {@code kubectl get -o yaml} writes them: objects in items. */
    private static boolean isList(MappingNode object, Node items) {
        boolean listKind =
                object.string("kind").filter(kind -> kind.endsWith("List")).isPresent();
        boolean holdsItems = items instanceof SequenceNode || (items != null && items.isNull());
        boolean named =
                object.path("metadata", "name").filter(name -> !name.isNull()).isPresent();
        return listKind && holdsItems && !named;
    }

    /** Why a mapping is not a Kubernetes object, and the mapping that should hold what is missing. */
    private record NotAnObject(String message, Node at) {}

    private static NotAnObject missingFields(MappingNode object) {
        List<String> missing = new ArrayList<>(3);
        List<String> wrong = new ArrayList<>(2);
        field(object, "apiVersion", "apiVersion", missing, wrong);
        field(object, "kind", "kind", missing, wrong);
        boolean typed = missing.isEmpty() && wrong.isEmpty();
        Node at = object;
        Node metadata = object.get("metadata");
        if (metadata instanceof MappingNode meta) {
            at = typed ? meta : object;
            if (!isAbsent(meta.get("name")) || isAbsent(meta.get("generateName"))) {
                field(meta, "name", "metadata.name", missing, wrong);
            } else {
                field(meta, "generateName", "metadata.generateName", missing, wrong);
            }
        } else if (isAbsent(metadata)) {
            missing.add("metadata.name");
        } else {
            wrong.add("metadata is not a mapping");
        }
        if (missing.isEmpty() && wrong.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>(2);
        if (!missing.isEmpty()) {
            parts.add("missing " + joined(missing));
        }
        parts.addAll(wrong);
        return new NotAnObject(String.join("; ", parts), at);
    }

    private static void field(MappingNode mapping, String key, String name, List<String> missing, List<String> wrong) {
        Node value = mapping.get(key);
        if (isAbsent(value)) {
            missing.add(name);
        } else if (!(value instanceof ScalarNode scalar) || !scalar.isString()) {
            wrong.add(name + " is not a string");
        }
    }

    private static boolean isAbsent(Node value) {
        return value == null
                || value.isNull()
                || (value instanceof ScalarNode scalar && scalar.value().isEmpty());
    }

    private static String joined(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private Finding problem(Input input, YamlReader.Problem problem, SourceText text) {
        Position position = problem.position();
        Diagnostic diagnostic =
                switch (problem.kind()) {
                    case SYNTAX -> Diagnostic.YAML_SYNTAX;
                    case DUPLICATE_KEY -> Diagnostic.YAML_DUPLICATE_KEY;
                    case LIMIT -> Diagnostic.YAML_LIMIT;
                    case ENCODING -> Diagnostic.INPUT_ENCODING;
                };
        String message = problem.message();
        if (diagnostic == Diagnostic.YAML_SYNTAX && text != null) {
            Optional<Position> template = HelmTemplates.syntaxError(text, position);
            if (template.isPresent()) {
                diagnostic = Diagnostic.HELM_TEMPLATE;
                position = template.get();
                message = "does not parse as YAML and looks like a Helm template; render it with `helm template`"
                        + " first and lint the output";
            }
        }
        return diagnostic(
                diagnostic, input, new Location(input.file(), position.line(), position.column(), ""), message);
    }

    private Finding notKubernetes(Input input, Node at, String message) {
        return diagnostic(Diagnostic.NOT_KUBERNETES, input, Findings.location(input.file(), at), message);
    }

    private static Finding diagnostic(Diagnostic diagnostic, Input input, Location location, String message) {
        return Findings.diagnostic(diagnostic, location, input.environment(), message);
    }

    private static Loaded unread(Input input, Diagnostic diagnostic, String message) {
        Finding finding = diagnostic(diagnostic, input, Location.ofFile(input.file()), message);
        return new Loaded(input, false, 0, 0, List.of(), List.of(finding), null);
    }

    /** The file's bytes, or {@code null} when a file of unknown size turns out to be over the limit. */
    private byte[] bytes(Path path, long size) throws IOException {
        if (size >= 0) {
            return Files.readAllBytes(path);
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            return bytes.length > maxBytes ? null : bytes;
        }
    }
}
