package dev.plimsoll.generator;

import dev.plimsoll.generator.internal.names.Names;
import dev.plimsoll.generator.internal.objects.Meta;
import dev.plimsoll.generator.internal.objects.Networking;
import dev.plimsoll.generator.internal.objects.Pods;
import dev.plimsoll.generator.internal.objects.Workloads;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A tenant workload: one container image run as a Deployment in its namespace, with what a production app needs
 * around it — a ServiceAccount, a Service for its ports, an Ingress per environment, a PodDisruptionBudget that lets
 * drains proceed, an optional HorizontalPodAutoscaler, and NetworkPolicy allows on top of its namespace's default deny.
 * Pods run with the Pod Security {@code restricted} settings; the namespace enforces {@code restricted}. An app that
 * keeps {@link #persistentVolume persistent volumes} (a database) runs as a StatefulSet instead.
 *
 * <pre>{@code
 * App.named("checkout")
 *         .namespace("shop")
 *         .image("ghcr.io/acme/checkout", PerEnv.of(dev, "sha256:…").and(staging, "sha256:…").and(prod, "sha256:…"))
 *         .port("http", 8080)
 *         .replicas(PerEnv.of(dev, 1).and(staging, 2).and(prod, 3))
 *         .compute(PerEnv.all(Compute.of("100m", "128Mi")))
 *         .env("LOG_LEVEL", PerEnv.of(dev, "debug").and(staging, "info").and(prod, "warn"))
 *         .ingress(PerEnv.by(env -> "checkout." + env.domain()))
 *         .readiness(Probe.http("/ready", "http"))
 *         .allowEgressToDns();
 * }</pre>
 */
public final class App implements Component {

    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern REPOSITORY =
            Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*(\\.[a-z0-9-]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Pattern SECRET_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern QUANTITY =
            Pattern.compile("[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?");

    private record Port(String name, int number, Set<String> only) {}

    /** A Secret's key. */
    private record SecretKey(String secret, String key) {}

    /** A variable: its value per environment, or the Secret's key that holds it (then {@code value} is null). */
    private record Variable(String name, PerEnv<String> value, SecretKey secret) {}

    /** A volume: persistent where it names a storage class (a claim per pod, sized per environment), else scratch. */
    private record Volume(String name, String mountPath, String storageClass, PerEnv<String> size) {

        boolean persistent() {
            return storageClass != null;
        }
    }

    private final String name;
    private String namespace;
    private String repository;
    private PerEnv<String> digest;
    private final List<Port> ports = new ArrayList<>();
    private PerEnv<Integer> replicas;
    private PerEnv<Compute> compute;
    private final List<Variable> env = new ArrayList<>();
    private final List<PerEnv<Map<String, String>>> podAnnotations = new ArrayList<>();
    private final List<Volume> volumes = new ArrayList<>();
    private Long runAsUser;
    private Long runAsGroup;
    private PerEnv<String> ingressHost;
    private String ingressPort;
    private String ingressClass = "nginx";
    private String ingressTier = "ingress-nginx";
    private Probe readiness;
    private Probe liveness;
    private Disruption disruption = Disruption.maxUnavailable(1);
    private PerEnv<Autoscaling> autoscaling;
    private boolean fromIngressTier;
    private final Set<String> fromNamespaces = new LinkedHashSet<>();
    private final List<App> fromApps = new ArrayList<>();
    private final List<App> toApps = new ArrayList<>();
    private boolean dnsEgress;
    private Set<String> only;

    private App(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.namespace = name;
    }

    /** An app; its name is its directory, its workload's and Service's name, and by default its namespace. */
    public static App named(String name) {
        return new App(name);
    }

    @Override
    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    /** The namespace the app runs in (default: its name); apps may share one. */
    public App namespace(String value) {
        this.namespace = Objects.requireNonNull(value, "namespace");
        return this;
    }

    /** The image repository (no tag, no digest) and the digest ({@code sha256:…}) each environment runs. */
    public App image(String imageRepository, PerEnv<String> imageDigest) {
        this.repository = Objects.requireNonNull(imageRepository, "imageRepository");
        this.digest = Objects.requireNonNull(imageDigest, "imageDigest");
        return this;
    }

    /** A named container port, in every environment; the Service exposes it under the same name and number. */
    public App port(String portName, int number) {
        ports.add(new Port(portName, number, null));
        return this;
    }

    /** A named container port in the given environments only (a debug port in dev, say). */
    public App port(String portName, int number, Environment... environments) {
        ports.add(new Port(portName, number, names(environments)));
        return this;
    }

    /** The pod count per environment (default 1); leave it out where an autoscaler runs. */
    public App replicas(PerEnv<Integer> value) {
        this.replicas = Objects.requireNonNull(value, "replicas");
        return this;
    }

    /** The container's requests and limits per environment; required. */
    public App compute(PerEnv<Compute> value) {
        this.compute = Objects.requireNonNull(value, "compute");
        return this;
    }

    /** The same requests and limits in every environment. */
    public App compute(Compute value) {
        return compute(PerEnv.all(value));
    }

    /** An environment variable, the same everywhere. */
    public App env(String variable, String value) {
        return env(variable, PerEnv.all(value));
    }

    /** An environment variable per environment; where it has no value, the variable is not set. */
    public App env(String variable, PerEnv<String> value) {
        env.add(new Variable(
                Objects.requireNonNull(variable, "variable"), Objects.requireNonNull(value, "value"), null));
        return this;
    }

    /**
     * An environment variable from key {@code key} of Secret {@code secret}, in every environment: typically the target
     * of an {@code ExternalSecret}, so that Git holds where the value lives, never the value.
     */
    public App secretEnv(String variable, String secret, String key) {
        env.add(new Variable(
                Objects.requireNonNull(variable, "variable"),
                null,
                new SecretKey(Objects.requireNonNull(secret, "secret"), Objects.requireNonNull(key, "key"))));
        return this;
    }

    /**
     * A volume each pod keeps across restarts and rescheduling, mounted at {@code mountPath}: the app then runs as a
     * StatefulSet whose pods each claim {@code size} (per environment, read-write by one node) from {@code
     * storageClass}. The claims outlive the pods.
     */
    public App persistentVolume(String volumeName, String mountPath, String storageClass, PerEnv<String> size) {
        volumes.add(new Volume(
                Objects.requireNonNull(volumeName, "volumeName"),
                Objects.requireNonNull(mountPath, "mountPath"),
                Objects.requireNonNull(storageClass, "storageClass"),
                Objects.requireNonNull(size, "size")));
        return this;
    }

    /**
     * An empty, writable directory at {@code mountPath} for the life of the pod: the root file system is read-only
     * ({@code /tmp} is such a directory already).
     */
    public App scratchVolume(String volumeName, String mountPath) {
        volumes.add(new Volume(
                Objects.requireNonNull(volumeName, "volumeName"),
                Objects.requireNonNull(mountPath, "mountPath"),
                null,
                null));
        return this;
    }

    /**
     * The user and group the container runs as, and the group its volumes belong to ({@code fsGroup}): for images
     * whose own user is root or a name, which Kubernetes cannot check against {@code runAsNonRoot} (the official
     * postgres image: 999).
     */
    public App runAs(long user, long group) {
        this.runAsUser = user;
        this.runAsGroup = group;
        return this;
    }

    /**
     * Annotations on the pod template, the same in every environment, e.g. Velero's pre-backup hook
     * ({@code Velero.preBackupHook}); call again to add more. Each key may be given once per environment.
     */
    public App podAnnotations(Map<String, String> annotations) {
        return podAnnotations(PerEnv.all(Map.copyOf(annotations)));
    }

    /** Annotations on the pod template per environment; where there is no value, the pods do not carry them. */
    public App podAnnotations(PerEnv<Map<String, String>> annotations) {
        podAnnotations.add(Objects.requireNonNull(annotations, "annotations"));
        return this;
    }

    /**
     * An HTTPS Ingress for the host each environment gives (none where absent), routing to the first port (or
     * {@link #ingressPort}); traffic from the ingress tier is allowed wherever the app has a host.
     */
    public App ingress(PerEnv<String> host) {
        this.ingressHost = Objects.requireNonNull(host, "host");
        return this;
    }

    /** The named port the Ingress routes to (default: the first port). */
    public App ingressPort(String portName) {
        this.ingressPort = Objects.requireNonNull(portName, "portName");
        return this;
    }

    /** The IngressClass (default {@code nginx}). */
    public App ingressClass(String className) {
        this.ingressClass = Objects.requireNonNull(className, "className");
        return this;
    }

    /** The namespace the ingress controller runs in (default {@code ingress-nginx}). */
    public App ingressTier(String tierNamespace) {
        this.ingressTier = Objects.requireNonNull(tierNamespace, "tierNamespace");
        return this;
    }

    public App readiness(Probe probe) {
        this.readiness = Objects.requireNonNull(probe, "probe");
        return this;
    }

    public App liveness(Probe probe) {
        this.liveness = Objects.requireNonNull(probe, "probe");
        return this;
    }

    /** The PodDisruptionBudget (default {@code Disruption.maxUnavailable(1)}). */
    public App disruption(Disruption value) {
        this.disruption = Objects.requireNonNull(value, "disruption");
        return this;
    }

    /** A HorizontalPodAutoscaler in the environments that give one. */
    public App autoscaling(PerEnv<Autoscaling> value) {
        this.autoscaling = Objects.requireNonNull(value, "autoscaling");
        return this;
    }

    /** Allows the ingress controller's pods to reach the app's ports in every environment. */
    public App allowFromIngressTier() {
        this.fromIngressTier = true;
        return this;
    }

    /** Allows every pod of namespace {@code source} (monitoring, say) to reach the app's ports. */
    public App allowFromNamespace(String source) {
        fromNamespaces.add(Objects.requireNonNull(source, "source"));
        return this;
    }

    /** Allows the pods of {@code source} (in its namespace, this one or another) to reach the app's ports. */
    public App allowFrom(App source) {
        fromApps.add(Objects.requireNonNull(source, "source"));
        return this;
    }

    /**
     * Allows the app's pods to reach {@code target}'s ports; {@code target} must let them in as well ({@link
     * #allowFrom}), since both namespaces deny by default.
     */
    public App allowEgressTo(App target) {
        toApps.add(Objects.requireNonNull(target, "target"));
        return this;
    }

    /** Allows DNS lookups (UDP and TCP 53 to the cluster DNS); without it the namespace's default deny blocks them. */
    public App allowEgressToDns() {
        this.dnsEgress = true;
        return this;
    }

    /** Runs the app in these environments only (default: all). */
    public App onlyIn(Environment... environments) {
        this.only = names(environments);
        return this;
    }

    /** True when the app runs in {@code environment}. */
    public boolean runsIn(Environment environment) {
        return only == null || only.contains(environment.name());
    }

    @Override
    public Set<String> tenantNamespaces(Environment environment) {
        return runsIn(environment) ? Set.of(namespace) : Set.of();
    }

    private static Set<String> names(Environment... environments) {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(environments).forEach(e -> names.add(e.name()));
        return Set.copyOf(names);
    }

    private Map<String, String> podLabels() {
        return Map.of(Meta.APP_LABEL, name);
    }

    private List<Port> portsIn(Environment environment) {
        return ports.stream()
                .filter(p -> p.only() == null || p.only().contains(environment.name()))
                .toList();
    }

    private boolean ingressTierAllowed(Environment environment) {
        return fromIngressTier
                || (ingressHost != null && ingressHost.in(environment).isPresent());
    }

    @Override
    public void render(Environment environment, Output output) {
        if (!runsIn(environment)) {
            return;
        }
        Map<String, String> labels = podLabels();
        List<Port> envPorts = portsIn(environment);
        Optional<Autoscaling> scaler = autoscaling == null ? Optional.empty() : autoscaling.in(environment);

        output.add(Workloads.serviceAccount(Meta.named(name, namespace, labels)));
        Integer count = scaler.isPresent() ? null : replicasIn(environment);
        PodTemplateSpec template = Pods.template(labels, podAnnotationsIn(environment), pod(environment, envPorts));
        output.add(
                stateful()
                        ? Workloads.statefulSet(
                                Meta.named(name, namespace, labels),
                                count,
                                labels,
                                name,
                                template,
                                claimsIn(environment))
                        : Workloads.deployment(Meta.named(name, namespace, labels), count, labels, template));
        if (!envPorts.isEmpty()) {
            Map<String, Integer> servicePorts = new LinkedHashMap<>();
            envPorts.forEach(p -> servicePorts.put(p.name(), p.number()));
            output.add(Networking.service(Meta.named(name, namespace, labels), labels, servicePorts));
        }
        Optional<String> host = ingressHost == null ? Optional.empty() : ingressHost.in(environment);
        host.ifPresent(h -> output.add(Networking.ingress(
                Meta.named(name, namespace, labels),
                ingressClass,
                h,
                name,
                ingressPort != null ? ingressPort : envPorts.get(0).name(),
                Names.dnsLabel(name, "tls"))));
        if (!(disruption instanceof Disruption.None)) {
            output.add(Workloads.budget(Meta.named(name, namespace, labels), labels, disruption));
        }
        scaler.ifPresent(s -> output.add(Workloads.autoscaler(
                Meta.named(name, namespace, labels), stateful() ? "StatefulSet" : "Deployment", name, s)));
        List<Integer> numbers = envPorts.stream().map(Port::number).toList();
        List<NetworkPolicyIngressRule> ingress = new ArrayList<>();
        if (ingressTierAllowed(environment)) {
            ingress.add(Networking.fromNamespace(ingressTier, numbers));
        }
        fromNamespaces.forEach(source -> ingress.add(Networking.fromNamespace(source, numbers)));
        fromApps.stream()
                .filter(source -> source.runsIn(environment))
                .forEach(source ->
                        ingress.add(Networking.fromPods(otherNamespace(source), source.podLabels(), numbers)));
        List<NetworkPolicyEgressRule> egress = new ArrayList<>();
        if (dnsEgress) {
            egress.add(Networking.dns());
        }
        toApps.stream()
                .filter(target -> target.runsIn(environment))
                .forEach(target -> egress.add(Networking.toPods(
                        otherNamespace(target),
                        target.podLabels(),
                        target.portsIn(environment).stream().map(Port::number).toList())));
        if (!ingress.isEmpty() || !egress.isEmpty()) {
            output.add(Networking.allows(
                    Meta.named(Names.dnsLabel("allow", name), namespace, labels), labels, ingress, egress));
        }
    }

    private boolean stateful() {
        return volumes.stream().anyMatch(Volume::persistent);
    }

    /** {@code other}'s namespace where it differs from this app's, else {@code null}. */
    private String otherNamespace(App other) {
        return other.namespace.equals(namespace) ? null : other.namespace;
    }

    private PodSpec pod(Environment environment, List<Port> envPorts) {
        PodSpec pod = Pods.restricted(name, List.of(Pods.container(container(environment, envPorts))));
        volumes.stream().filter(v -> !v.persistent()).forEach(v -> pod.getVolumes()
                .add(Pods.scratch(v.name())));
        return runAsUser == null ? pod : Pods.runAs(pod, runAsUser, runAsGroup);
    }

    private List<PersistentVolumeClaim> claimsIn(Environment environment) {
        return volumes.stream()
                .filter(Volume::persistent)
                .map(v -> Workloads.claim(
                        v.name(), v.storageClass(), v.size().in(environment).orElseThrow()))
                .toList();
    }

    private Map<String, String> podAnnotationsIn(Environment environment) {
        Map<String, String> all = new TreeMap<>();
        podAnnotations.forEach(annotations -> annotations.in(environment).ifPresent(all::putAll));
        return all;
    }

    private int replicasIn(Environment environment) {
        return replicas == null ? 1 : replicas.in(environment).orElse(1);
    }

    private Pods.ContainerParts container(Environment environment, List<Port> envPorts) {
        List<ContainerPort> containerPorts =
                envPorts.stream().map(p -> Pods.port(p.name(), p.number())).toList();
        List<EnvVar> variables = new ArrayList<>();
        for (Variable variable : env) {
            if (variable.secret() != null) {
                variables.add(Pods.secretEnv(
                        variable.name(),
                        variable.secret().secret(),
                        variable.secret().key()));
            } else {
                variable.value().in(environment).ifPresent(v -> variables.add(Pods.env(variable.name(), v)));
            }
        }
        Compute c = compute.in(environment).orElseThrow();
        return new Pods.ContainerParts(
                name,
                repository + "@" + digest.in(environment).orElseThrow(),
                containerPorts,
                variables,
                Pods.resources(c.cpuRequest(), c.memoryRequest(), c.memoryLimit(), c.cpuLimit()),
                probe(readiness),
                probe(liveness),
                volumes.stream().map(v -> Pods.mount(v.name(), v.mountPath())).toList());
    }

    private static io.fabric8.kubernetes.api.model.Probe probe(Probe probe) {
        if (probe == null) {
            return null;
        }
        return probe.path() == null
                ? Pods.tcpProbe(probe.port(), probe.periodSeconds(), probe.failureThreshold())
                : Pods.httpProbe(probe.path(), probe.port(), probe.periodSeconds(), probe.failureThreshold());
    }

    @Override
    public List<String> validate(List<Environment> environments) {
        List<String> problems = new ArrayList<>();
        Set<String> known = new HashSet<>();
        environments.forEach(e -> known.add(e.name()));
        if (!Names.isDnsLabel(namespace)) {
            problems.add("namespace '" + namespace + "' is not a DNS label (lower-case letters, digits, '-')");
        }
        if (repository == null) {
            problems.add("has no image (image(repository, digests) is required)");
        } else if (!REPOSITORY.matcher(repository).matches()) {
            problems.add("image repository '" + repository
                    + "' is not a repository name without tag or digest (digests are given per environment)");
        }
        checkNamed(problems, known, "onlyIn", only);
        checkNamed(problems, known, "image digest", digest == null ? null : digest.namedEnvironments());
        checkNamed(problems, known, "replicas", replicas == null ? null : replicas.namedEnvironments());
        checkNamed(problems, known, "compute", compute == null ? null : compute.namedEnvironments());
        checkNamed(problems, known, "ingress", ingressHost == null ? null : ingressHost.namedEnvironments());
        checkNamed(problems, known, "autoscaling", autoscaling == null ? null : autoscaling.namedEnvironments());
        env.stream()
                .filter(v -> v.value() != null)
                .forEach(v ->
                        checkNamed(problems, known, "env " + v.name(), v.value().namedEnvironments()));
        podAnnotations.forEach(a -> checkNamed(problems, known, "podAnnotations", a.namedEnvironments()));
        ports.forEach(p -> checkNamed(problems, known, "port " + p.name(), p.only()));
        volumes.stream()
                .filter(Volume::persistent)
                .forEach(v -> checkNamed(
                        problems,
                        known,
                        "persistentVolume " + v.name() + " size",
                        v.size().namedEnvironments()));
        checkPorts(problems);
        checkVariables(problems);
        checkVolumes(problems);
        if (runAsUser != null && runAsUser < 1) {
            problems.add("runAs user " + runAsUser + " is root: the pods run as non-root");
        }
        if (runAsGroup != null && runAsGroup < 0) {
            problems.add("runAs group " + runAsGroup + " is not a group id");
        }
        if (compute == null) {
            problems.add("has no compute (compute(...) with cpu and memory requests is required)");
        }
        fromNamespaces.stream()
                .filter(ns -> !Names.isDnsLabel(ns))
                .forEach(ns -> problems.add("allowFromNamespace '" + ns + "' is not a namespace name"));
        if (!Names.isDnsLabel(ingressTier)) {
            problems.add("ingressTier '" + ingressTier + "' is not a namespace name");
        }
        for (Environment environment : environments) {
            if (runsIn(environment)) {
                validateIn(environment, problems);
            }
        }
        return problems;
    }

    private static void checkNamed(List<String> problems, Set<String> known, String what, Set<String> named) {
        if (named == null) {
            return;
        }
        named.stream()
                .filter(n -> !known.contains(n))
                .sorted()
                .forEach(
                        n -> problems.add(what + " names environment '" + n + "', which the platform does not define"));
    }

    private void checkPorts(List<String> problems) {
        Set<String> portNames = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        for (Port port : ports) {
            if (!Names.isPortName(port.name())) {
                problems.add("port name '" + port.name()
                        + "' is not a port name (at most 15 lower-case letters, digits and '-', with a letter)");
            }
            if (port.number() < 1 || port.number() > 65535) {
                problems.add("port " + port.name() + " number " + port.number() + " is not in 1..65535");
            }
            if (!portNames.add(port.name())) {
                problems.add("port name '" + port.name() + "' is used twice");
            }
            if (!numbers.add(port.number())) {
                problems.add("port number " + port.number() + " is used twice");
            }
        }
    }

    private void checkVariables(List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (Variable variable : env) {
            if (!ENV_NAME.matcher(variable.name()).matches()) {
                problems.add("env name '" + variable.name() + "' is not a valid variable name");
            }
            if (!seen.add(variable.name())) {
                problems.add("env " + variable.name() + " is set twice");
            }
            SecretKey secret = variable.secret();
            if (secret != null && !Names.isDnsSubdomain(secret.secret())) {
                problems.add("env " + variable.name() + " secret '" + secret.secret() + "' is not a Secret name");
            }
            if (secret != null && !SECRET_KEY.matcher(secret.key()).matches()) {
                problems.add("env " + variable.name() + " key '" + secret.key()
                        + "' is not a Secret key (letters, digits, '-', '_', '.')");
            }
        }
    }

    private void checkVolumes(List<String> problems) {
        Set<String> volumeNames = new HashSet<>(Set.of(Pods.TMP_VOLUME));
        Set<String> paths = new HashSet<>(Set.of("/tmp"));
        for (Volume volume : volumes) {
            if (!Names.isDnsLabel(volume.name())) {
                problems.add("volume name '" + volume.name() + "' is not a DNS label");
            }
            if (!volumeNames.add(volume.name())) {
                problems.add(
                        "volume name '" + volume.name() + "' is used twice (" + Pods.TMP_VOLUME + " is the app's own)");
            }
            if (!volume.mountPath().startsWith("/")) {
                problems.add("volume " + volume.name() + " mount path '" + volume.mountPath() + "' is not absolute");
            } else if (!paths.add(volume.mountPath())) {
                problems.add("volume " + volume.name() + " mount path " + volume.mountPath()
                        + " is mounted twice (/tmp is the app's own)");
            }
            if (volume.persistent() && !Names.isDnsSubdomain(volume.storageClass())) {
                problems.add("volume " + volume.name() + " storage class '" + volume.storageClass()
                        + "' is not a StorageClass name");
            }
        }
    }

    private void validateIn(Environment environment, List<String> problems) {
        String in = " in " + environment.name();
        Optional<String> imageDigest = value(problems, "image digest", environment, () -> digest);
        if (digest != null && imageDigest.isEmpty()) {
            problems.add("image digest has no value" + in);
        }
        imageDigest
                .filter(d -> !DIGEST.matcher(d).matches())
                .ifPresent(d -> problems.add("image digest '" + d + "'" + in + " is not sha256:<64 hex digits>"));

        Optional<Autoscaling> scaler = value(problems, "autoscaling", environment, () -> autoscaling);
        Optional<Integer> count = value(problems, "replicas", environment, () -> replicas);
        if (scaler.isPresent() && count.isPresent()) {
            problems.add("replicas and autoscaling are both set" + in + ": the autoscaler owns the replica count");
        }
        if (replicas != null && count.isEmpty() && scaler.isEmpty()) {
            problems.add("replicas has no value" + in);
        }
        count.filter(c -> c < 1).ifPresent(c -> problems.add("replicas must be ≥ 1" + in + " (is " + c + ")"));
        scaler.ifPresent(s -> checkAutoscaling(s, in, problems));

        Optional<Compute> c = value(problems, "compute", environment, () -> compute);
        if (compute != null && c.isEmpty()) {
            problems.add("compute has no value" + in);
        }
        c.ifPresent(value -> checkCompute(value, in, problems));
        for (Variable variable : env) {
            value(problems, "env " + variable.name(), environment, variable::value);
        }
        checkPodAnnotations(environment, in, problems);

        List<Port> envPorts = portsIn(environment);
        Set<String> portNames = new HashSet<>();
        envPorts.forEach(p -> portNames.add(p.name()));
        Optional<String> host = value(problems, "ingress", environment, () -> ingressHost);
        host.ifPresent(h -> {
            if (!Names.isDnsSubdomain(h)) {
                problems.add("ingress host '" + h + "'" + in + " is not a DNS name");
            }
            if (envPorts.isEmpty()) {
                problems.add("ingress" + in + " needs a port to route to");
            } else if (ingressPort != null && !portNames.contains(ingressPort)) {
                problems.add("ingressPort '" + ingressPort + "' is not a port of the app" + in);
            }
        });
        if ((fromIngressTier || host.isPresent() || !fromNamespaces.isEmpty() || !fromApps.isEmpty())
                && envPorts.isEmpty()) {
            problems.add("allows from other namespaces or apps" + in + " need at least one port");
        }
        toApps.stream()
                .filter(target -> target.runsIn(environment)
                        && target.portsIn(environment).isEmpty())
                .forEach(target -> problems.add("allowEgressTo " + target.name() + in + ": it has no ports to reach"));
        for (Volume volume : volumes) {
            if (volume.persistent()) {
                String what = "persistentVolume " + volume.name() + " size";
                Optional<String> size = value(problems, what, environment, volume::size);
                if (size.isEmpty()) {
                    problems.add(what + " has no value" + in);
                }
                size.filter(q -> !QUANTITY.matcher(q).matches())
                        .ifPresent(q -> problems.add(what + " '" + q + "'" + in + " is not a Kubernetes quantity"));
            }
        }
        for (Probe probe : new Probe[] {readiness, liveness}) {
            if (probe != null && !portNames.contains(probe.port())) {
                problems.add("probe port '" + probe.port() + "' is not a port of the app" + in);
            }
        }
        int minimum = scaler.map(Autoscaling::minReplicas).orElse(count.orElse(1));
        checkDisruption(minimum, in, problems);
    }

    private void checkPodAnnotations(Environment environment, String in, List<String> problems) {
        Set<String> keys = new HashSet<>();
        for (PerEnv<Map<String, String>> annotations : podAnnotations) {
            Map<String, String> values = value(problems, "podAnnotations", environment, () -> annotations)
                    .orElse(Map.of());
            values.forEach((key, value) -> {
                if (!Names.isQualifiedName(key)) {
                    problems.add("pod annotation key '" + key + "'" + in + " is not a qualified name (an optional DNS"
                            + " subdomain and '/', then at most 63 letters, digits, '-', '_' and '.')");
                }
                if (value == null) {
                    problems.add("pod annotation " + key + " has no value" + in);
                }
                if (!keys.add(key)) {
                    problems.add("pod annotation " + key + " is set twice" + in);
                }
            });
        }
    }

    private static void checkAutoscaling(Autoscaling scaler, String in, List<String> problems) {
        if (scaler.minReplicas() < 1) {
            problems.add("autoscaling minReplicas must be ≥ 1" + in);
        }
        if (scaler.maxReplicas() < scaler.minReplicas()) {
            problems.add("autoscaling maxReplicas " + scaler.maxReplicas() + " is below minReplicas "
                    + scaler.minReplicas() + in);
        }
        if (scaler.cpuUtilization() < 1) {
            problems.add("autoscaling cpu utilization must be ≥ 1%" + in);
        }
    }

    private static void checkCompute(Compute value, String in, List<String> problems) {
        Map<String, String> quantities = new LinkedHashMap<>();
        quantities.put("cpu request", value.cpuRequest());
        quantities.put("memory request", value.memoryRequest());
        quantities.put("memory limit", value.memoryLimit());
        if (value.cpuLimit() != null) {
            quantities.put("cpu limit", value.cpuLimit());
        }
        quantities.forEach((what, quantity) -> {
            if (!QUANTITY.matcher(quantity).matches()) {
                problems.add(what + " '" + quantity + "'" + in + " is not a Kubernetes quantity");
            }
        });
    }

    private void checkDisruption(int minimum, String in, List<String> problems) {
        if (disruption instanceof Disruption.MaxUnavailable max) {
            String v = max.value();
            boolean zero =
                    v.endsWith("%") ? Integer.parseInt(v.substring(0, v.length() - 1)) <= 0 : Integer.parseInt(v) <= 0;
            if (zero) {
                problems.add("disruption maxUnavailable " + v + " blocks every drain" + in);
            }
        } else if (disruption instanceof Disruption.MinAvailable min) {
            int value = Integer.parseInt(min.value());
            if (value >= minimum) {
                problems.add("disruption minAvailable " + value + " is not below the " + minimum + " replicas" + in
                        + ": the budget would block every drain");
            }
        }
    }

    /** The value in {@code environment}; an exception in a {@link PerEnv#by} function becomes a problem. */
    private static <T> Optional<T> value(
            List<String> problems, String what, Environment environment, Supplier<PerEnv<T>> source) {
        PerEnv<T> perEnv = source.get();
        if (perEnv == null) {
            return Optional.empty();
        }
        try {
            return perEnv.in(environment);
        } catch (RuntimeException e) {
            problems.add(what + " failed in " + environment.name() + ": " + e);
            return Optional.empty();
        }
    }
}
