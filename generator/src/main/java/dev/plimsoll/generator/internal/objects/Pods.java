package dev.plimsoll.generator.internal.objects;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.CapabilitiesBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SeccompProfileBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pod templates, containers and their parts, with the Pod Security {@code restricted} settings every tenant pod
 * carries: non-root, the runtime's default seccomp profile, no privilege escalation, no capabilities, a read-only root
 * file system (with a writable {@code /tmp}).
 */
public final class Pods {

    /** The writable scratch volume that a read-only root file system needs. */
    public static final String TMP_VOLUME = "tmp";

    private Pods() {}

    // The factories that nest built objects (template, pod spec, workloads) use setters: a fabric8 builder deep-copies
    // every object it is given, and these trees are nested four levels deep.

    /** A pod template; {@code annotations} may be empty. */
    public static PodTemplateSpec template(Map<String, String> labels, Map<String, String> annotations, PodSpec spec) {
        PodTemplateSpec template = new PodTemplateSpec();
        template.setMetadata(Meta.named(null, null, labels));
        if (!annotations.isEmpty()) {
            template.getMetadata().setAnnotations(annotations);
        }
        template.setSpec(spec);
        return template;
    }

    /** A restricted pod spec running as {@code serviceAccount}, with a scratch {@code /tmp} volume. */
    public static PodSpec restricted(String serviceAccount, List<Container> containers) {
        PodSpec spec = new PodSpec();
        spec.setServiceAccountName(serviceAccount);
        spec.setSecurityContext(restrictedPod());
        spec.setContainers(new ArrayList<>(containers));
        spec.setVolumes(new ArrayList<>(List.of(scratch(TMP_VOLUME))));
        return spec;
    }

    private static PodSecurityContext restrictedPod() {
        return new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withSeccompProfile(
                        new SeccompProfileBuilder().withType("RuntimeDefault").build())
                .build();
    }

    private static SecurityContext restrictedContainer() {
        Capabilities none = new CapabilitiesBuilder().withDrop("ALL").build();
        return new SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withCapabilities(none)
                .withReadOnlyRootFilesystem(true)
                .build();
    }

    public static Volume scratch(String name) {
        return new VolumeBuilder()
                .withName(name)
                .withNewEmptyDir()
                .endEmptyDir()
                .build();
    }

    public static VolumeMount mount(String volume, String path) {
        return new VolumeMountBuilder().withName(volume).withMountPath(path).build();
    }

    /**
     * Runs the pod's containers as {@code user} and {@code group}, and gives its volumes to {@code group} ({@code
     * fsGroup}): for images whose own user is root or a name, which {@code runAsNonRoot} cannot check.
     */
    public static PodSpec runAs(PodSpec spec, long user, long group) {
        spec.getSecurityContext().setRunAsUser(user);
        spec.getSecurityContext().setRunAsGroup(group);
        spec.getSecurityContext().setFsGroup(group);
        return spec;
    }

    /**
     * The parts of one container; {@code readiness} and {@code liveness} may be {@code null}; {@code mounts} are the
     * volumes it mounts besides {@code /tmp}.
     */
    public record ContainerParts(
            String name,
            String image,
            List<ContainerPort> ports,
            List<EnvVar> env,
            ResourceRequirements resources,
            Probe readiness,
            Probe liveness,
            List<VolumeMount> mounts) {}

    /** A restricted container with {@code /tmp} mounted from the scratch volume, then its own mounts. */
    public static Container container(ContainerParts parts) {
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(mount(TMP_VOLUME, "/tmp"));
        mounts.addAll(parts.mounts());
        return new ContainerBuilder()
                .withName(parts.name())
                .withImage(parts.image())
                .withPorts(parts.ports())
                .withEnv(parts.env())
                .withResources(parts.resources())
                .withReadinessProbe(parts.readiness())
                .withLivenessProbe(parts.liveness())
                .withSecurityContext(restrictedContainer())
                .withVolumeMounts(mounts)
                .build();
    }

    public static ContainerPort port(String name, int number) {
        return new ContainerPortBuilder()
                .withName(name)
                .withContainerPort(number)
                .build();
    }

    public static EnvVar env(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    /** A variable from key {@code key} of Secret {@code secret}. */
    public static EnvVar secretEnv(String name, String secret, String key) {
        return new EnvVarBuilder()
                .withName(name)
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(secret)
                .withKey(key)
                .endSecretKeyRef()
                .endValueFrom()
                .build();
    }

    /** Requests and limits; {@code cpuLimit} may be {@code null}. */
    public static ResourceRequirements resources(
            String cpuRequest, String memoryRequest, String memoryLimit, String cpuLimit) {
        Map<String, Quantity> requests = new LinkedHashMap<>();
        requests.put("cpu", new Quantity(cpuRequest));
        requests.put("memory", new Quantity(memoryRequest));
        Map<String, Quantity> limits = new LinkedHashMap<>();
        if (cpuLimit != null) {
            limits.put("cpu", new Quantity(cpuLimit));
        }
        limits.put("memory", new Quantity(memoryLimit));
        return new ResourceRequirementsBuilder()
                .withRequests(requests)
                .withLimits(limits)
                .build();
    }

    public static Probe httpProbe(String path, String port, int periodSeconds, int failureThreshold) {
        return new ProbeBuilder()
                .withNewHttpGet()
                .withPath(path)
                .withPort(new IntOrString(port))
                .endHttpGet()
                .withPeriodSeconds(periodSeconds)
                .withFailureThreshold(failureThreshold)
                .build();
    }

    public static Probe tcpProbe(String port, int periodSeconds, int failureThreshold) {
        return new ProbeBuilder()
                .withNewTcpSocket()
                .withPort(new IntOrString(port))
                .endTcpSocket()
                .withPeriodSeconds(periodSeconds)
                .withFailureThreshold(failureThreshold)
                .build();
    }
}
