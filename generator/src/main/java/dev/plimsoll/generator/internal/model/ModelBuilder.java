package dev.plimsoll.generator.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.generator.Component;
import dev.plimsoll.generator.Environment;
import dev.plimsoll.generator.PlacedObject;
import dev.plimsoll.generator.Platform;
import dev.plimsoll.generator.PlatformModel;
import dev.plimsoll.generator.Quota;
import dev.plimsoll.generator.ValidationException;
import dev.plimsoll.generator.ValidationProblem;
import dev.plimsoll.generator.internal.json.Json;
import dev.plimsoll.generator.internal.json.ObjectId;
import dev.plimsoll.generator.internal.names.Names;
import dev.plimsoll.generator.internal.objects.Tenants;
import dev.plimsoll.policies.yaml.CanonicalYaml;
import dev.plimsoll.policies.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Validates a {@link Platform} and resolves it into a {@link PlatformModel}: every problem is collected with its path
 * and reported at once, before anything is rendered further.
 */
public final class ModelBuilder {

    /** Directory names that the tree layout uses itself. */
    private static final Set<String> RESERVED_UNITS = Set.of("patches");

    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

    private final List<ValidationProblem> problems = new ArrayList<>();

    private ModelBuilder() {}

    /** The per-environment model of {@code platform}; throws {@link ValidationException} listing every problem. */
    public static PlatformModel build(Platform platform) {
        return new ModelBuilder().run(platform);
    }

    private PlatformModel run(Platform platform) {
        List<Environment> environments = platform.environments();
        validatePlatform(platform, environments);
        List<Unit> units = units(platform);
        // Units validate side by side, each into its own list, merged in unit order.
        units.parallelStream()
                .map(unit -> {
                    List<ValidationProblem> found = new ArrayList<>();
                    try {
                        unit.component()
                                .validate(environments)
                                .forEach(message -> found.add(new ValidationProblem(unit.path(), message)));
                    } catch (RuntimeException e) {
                        found.add(new ValidationProblem(unit.path(), "validation failed: " + e));
                    }
                    return found;
                })
                .toList()
                .forEach(problems::addAll);
        failIfProblems();

        Map<String, List<PlacedObject>> byEnvironment = new LinkedHashMap<>();
        Map<ObjectId, String> unitOf = new HashMap<>();
        for (Environment environment : environments) {
            byEnvironment.put(environment.name(), resolve(platform, environment, units, unitOf));
        }
        refuseSharedClusters(environments, byEnvironment);
        failIfProblems();
        return new PlatformModel(platform.name(), environments, byEnvironment);
    }

    private void validatePlatform(Platform platform, List<Environment> environments) {
        if (!Names.isDnsLabel(platform.name())) {
            problem("platform", "name '" + platform.name() + "' is not a DNS label (lower-case letters, digits, '-')");
        }
        if (environments.isEmpty()) {
            problem("platform", "has no environments");
        }
        Map<String, Environment> names = new HashMap<>();
        Map<Integer, Environment> orders = new HashMap<>();
        for (Environment environment : environments) {
            String path = "platform/environments/" + environment.name();
            if (!Names.isDnsLabel(environment.name())) {
                problem(path, "name is not a DNS label (lower-case letters, digits, '-')");
            }
            if (names.put(environment.name(), environment) != null) {
                problem(path, "is defined twice");
            }
            Environment sameOrder = orders.put(environment.order(), environment);
            if (sameOrder != null) {
                problem(
                        path,
                        "has order " + environment.order() + ", like " + sameOrder.name()
                                + " (each environment has its own place in the promotion chain)");
            }
            environment.labels().forEach((key, value) -> {
                if (!Names.isQualifiedName(key) || !LABEL_VALUE.matcher(value).matches()) {
                    problem(path, "label " + key + "=" + value + " is not a valid Kubernetes label");
                }
            });
        }
    }

    /**
     * Two environments on one cluster cannot both render cluster-scoped objects: each overlay is applied as a whole
     * (by its own Argo CD), so the second would overwrite, then prune, the first one's Namespaces, classes and roles.
     */
    private void refuseSharedClusters(List<Environment> environments, Map<String, List<PlacedObject>> byEnvironment) {
        Map<String, Environment> firstOnCluster = new HashMap<>();
        for (Environment environment : environments) {
            if (environment.cluster() == null) {
                continue;
            }
            List<ObjectId> clusterScoped = byEnvironment.get(environment.name()).stream()
                    .map(placed -> ObjectId.of(placed.object()))
                    .filter(id -> id.namespace().isEmpty())
                    .toList();
            if (clusterScoped.isEmpty()) {
                continue;
            }
            Environment first = firstOnCluster.putIfAbsent(environment.cluster(), environment);
            if (first != null) {
                problem(
                        "platform/environments/" + environment.name(),
                        "runs on cluster " + environment.cluster() + ", like " + first.name()
                                + ", and both render cluster-scoped objects (e.g. "
                                + clusterScoped.get(0).display()
                                + ") that would overwrite each other; give each environment its own cluster");
            }
        }
    }

    /** A component or app with its path in the DSL tree. */
    private record Unit(String path, Component component) {

        String name() {
            return component.name();
        }
    }

    private List<Unit> units(Platform platform) {
        List<Unit> units = new ArrayList<>();
        platform.components().forEach(c -> units.add(new Unit("platform/components/" + c.name(), c)));
        platform.apps().forEach(a -> units.add(new Unit("platform/apps/" + a.name(), a)));
        Map<String, Unit> byName = new HashMap<>();
        for (Unit unit : units) {
            if (!Names.isDnsLabel(unit.name())) {
                problem(unit.path(), "name is not a DNS label (lower-case letters, digits, '-')");
            } else if (RESERVED_UNITS.contains(unit.name())) {
                problem(unit.path(), "name '" + unit.name() + "' is reserved for the tree's own directories");
            }
            Unit other = byName.putIfAbsent(unit.name(), unit);
            if (other != null) {
                problem(unit.path(), "name is also used by " + other.path() + " (names are directories: unique)");
            }
        }
        return units;
    }

    private List<PlacedObject> resolve(
            Platform platform, Environment environment, List<Unit> units, Map<ObjectId, String> unitOf) {
        // Components render side by side (building typed objects is most of a cold run's model time); each collects
        // its own problems, merged in unit order so that the report does not depend on scheduling.
        List<Collector> collectors = units.parallelStream()
                .map(unit -> {
                    Collector collector = new Collector(unit, environment);
                    try {
                        unit.component().render(environment, collector);
                    } catch (RuntimeException e) {
                        collector.problem("rendering failed in " + environment.name() + ": " + e);
                    }
                    return collector;
                })
                .toList();
        collectors.forEach(collector -> problems.addAll(collector.problems));
        List<Rendered> rendered =
                new ArrayList<>(collectors.stream()
                        .flatMap(c -> c.objects.stream().map(json -> new Pending(c.unit, json)))
                        .toList()
                        .parallelStream()
                        .map(pending ->
                                new Rendered(pending.unit(), pending.json().get()))
                        .toList());
        rendered.addAll(tenantNamespaces(units, platform.environments(), environment, rendered));

        Map<ObjectId, Rendered> byId = new TreeMap<>(ObjectId.KUSTOMIZE_ORDER);
        Map<String, Rendered> byKustomizeId = new HashMap<>();
        for (Rendered object : rendered) {
            ObjectNode node = object.object();
            String path = object.unit().path();
            ObjectId id = ObjectId.of(node);
            if (id.apiVersion().isEmpty() || id.kind().isEmpty() || id.name().isEmpty()) {
                problem(
                        path,
                        "an object in " + environment.name() + " lacks apiVersion, kind or metadata.name: "
                                + abbreviated(node));
                continue;
            }
            if (!isObjectName(id.name()) || (!id.namespace().isEmpty() && !Names.isDnsLabel(id.namespace()))) {
                problem(path, id.display() + " in " + environment.name() + " has an invalid name or namespace");
                continue;
            }
            Rendered previous = byId.putIfAbsent(id, object);
            String kustomizeId = id.apiVersion() + "/" + id.kind() + "/" + id.kustomizeNamespace() + "/" + id.name();
            Rendered sameForKustomize = byKustomizeId.putIfAbsent(kustomizeId, object);
            if (previous == null && sameForKustomize != null) {
                problem(
                        path,
                        id.display() + " in " + environment.name() + " is the same object for Kustomize as one"
                                + " without a namespace (which means 'default'); give both the same namespace");
                continue;
            }
            if (previous != null) {
                problem(
                        path,
                        id.display() + " is produced twice in " + environment.name()
                                + (previous.unit() == object.unit()
                                        ? ""
                                        : " (also by " + previous.unit().path() + ")"));
                continue;
            }
            String owner = unitOf.putIfAbsent(id, object.unit().name());
            if (owner != null && !owner.equals(object.unit().name())) {
                problem(
                        path,
                        id.display() + " is produced by " + owner + " in another environment; an object"
                                + " belongs to one component");
            }
            addLabels(environment, id, node, path);
        }
        List<PlacedObject> placed = new ArrayList<>(byId.size());
        byId.values().forEach(r -> placed.add(new PlacedObject(r.unit().name(), r.object())));
        return List.copyOf(placed);
    }

    private static boolean isObjectName(String name) {
        return name.length() <= 253 && !name.contains("/") && name.chars().noneMatch(Character::isWhitespace);
    }

    private void addLabels(Environment environment, ObjectId id, ObjectNode node, String path) {
        if (environment.labels().isEmpty()) {
            return;
        }
        ObjectNode metadata = (ObjectNode) node.get("metadata");
        ObjectNode labels = metadata.has("labels") && metadata.get("labels").isObject()
                ? (ObjectNode) metadata.get("labels")
                : metadata.putObject("labels");
        environment.labels().forEach((key, value) -> {
            JsonNode existing = labels.get(key);
            if (existing != null && !existing.asText().equals(value)) {
                problem(
                        path,
                        id.display() + " sets label " + key + "=" + existing.asText() + ", but environment "
                                + environment.name() + " labels every object " + key + "=" + value);
            } else {
                labels.put(key, value);
            }
        });
    }

    /**
     * The tenant objects ({@link Tenants}) of every namespace a unit runs tenant workloads in, in {@code environment},
     * except those whose Namespace a unit renders itself: that unit (the catalog's {@code Tenancy}, say) owns the
     * namespace whole. The objects belong to one unit of the namespace, the same in every environment: the one that
     * runs there in the most environments, then the first by name.
     */
    private List<Rendered> tenantNamespaces(
            List<Unit> units, List<Environment> environments, Environment environment, List<Rendered> rendered) {
        Set<String> declared = new HashSet<>();
        for (Rendered object : rendered) {
            ObjectId id = ObjectId.of(object.object());
            if (id.apiVersion().equals("v1") && id.kind().equals("Namespace")) {
                declared.add(id.name());
            }
        }
        Map<String, List<Unit>> byNamespace = new TreeMap<>();
        for (Unit unit : units) {
            namespacesOf(unit, environment).forEach(ns -> byNamespace
                    .computeIfAbsent(ns, k -> new ArrayList<>())
                    .add(unit));
        }
        record Tenant(Unit owner, HasMetadata object) {}
        List<Tenant> out = new ArrayList<>();
        byNamespace.forEach((namespace, tenants) -> {
            if (declared.contains(namespace)) {
                return;
            }
            Unit owner = tenants.stream()
                    .min(Comparator.comparingLong((Unit u) -> -environments.stream()
                                    .filter(e -> namespacesOf(u, e).contains(namespace))
                                    .count())
                            .thenComparing(Unit::name))
                    .orElseThrow();
            Tenants.namespace(namespace, Quota.DEFAULT, Map.of()).forEach(object -> out.add(new Tenant(owner, object)));
        });
        return out.parallelStream()
                .map(tenant -> new Rendered(tenant.owner(), Json.tree(tenant.object())))
                .toList();
    }

    private Set<String> namespacesOf(Unit unit, Environment environment) {
        try {
            return unit.component().tenantNamespaces(environment);
        } catch (RuntimeException e) {
            problem(unit.path(), "tenant namespaces failed in " + environment.name() + ": " + e);
            return Set.of();
        }
    }

    private record Rendered(Unit unit, ObjectNode object) {}

    /** An object added by a unit, not yet a JSON tree. */
    private record Pending(Unit unit, Supplier<ObjectNode> json) {}

    /** Receives one unit's objects in one environment, turning them into JSON trees as they arrive. */
    private final class Collector implements Component.Output {

        private final Unit unit;
        private final Environment environment;
        /** Typed objects as added; turned into JSON trees afterwards, in parallel (serialization only reads them). */
        private final List<Supplier<ObjectNode>> objects = new ArrayList<>();
        /** This unit's problems in this environment; collectors run concurrently, so they do not share a list. */
        private final List<ValidationProblem> problems = new ArrayList<>();

        private int yamlCount;

        Collector(Unit unit, Environment environment) {
            this.unit = unit;
            this.environment = environment;
        }

        @Override
        public void add(HasMetadata object) {
            if (object == null) {
                problem("added a null object in " + environment.name());
                return;
            }
            objects.add(() -> Json.tree(object));
        }

        @Override
        public void addYaml(String yaml) {
            int index = yamlCount++;
            String where = "yaml " + index + " in " + environment.name();
            YamlReader.Result result = new YamlReader().read(yaml == null ? "" : yaml);
            result.problems()
                    .forEach(p -> problem(where + " line " + p.position().line() + ": " + p.message()));
            for (YamlReader.Document document : result.documents()) {
                if (document.root() == null) {
                    continue;
                }
                JsonNode json = CanonicalYaml.toJson(document.root());
                if (!(json instanceof ObjectNode object)) {
                    problem(where + " line " + document.start().line() + ": a document is not a mapping");
                    continue;
                }
                ObjectNode normalized = (ObjectNode) Json.normalize(object);
                objects.add(() -> normalized);
            }
        }

        private void problem(String message) {
            problems.add(new ValidationProblem(unit.path(), message));
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    private void problem(String path, String message) {
        problems.add(new ValidationProblem(path, message));
    }

    private void failIfProblems() {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
