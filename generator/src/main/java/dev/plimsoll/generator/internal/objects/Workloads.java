package dev.plimsoll.generator.internal.objects;

import dev.plimsoll.generator.Autoscaling;
import dev.plimsoll.generator.Disruption;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.List;
import java.util.Map;

/**
 * Deployments, StatefulSets and what runs beside them: service accounts, disruption budgets, autoscalers. Workloads
 * are assembled with setters, not a builder, so that their pod template is not deep-copied once more.
 */
public final class Workloads {

    private Workloads() {}

    /** A Deployment; {@code replicas} is {@code null} when an autoscaler owns the count. */
    public static Deployment deployment(
            ObjectMeta meta, Integer replicas, Map<String, String> selector, PodTemplateSpec template) {
        DeploymentSpec spec = new DeploymentSpec();
        spec.setReplicas(replicas);
        spec.setSelector(Meta.selector(selector));
        spec.setTemplate(template);
        Deployment deployment = new Deployment();
        deployment.setMetadata(meta);
        deployment.setSpec(spec);
        return deployment;
    }

    /**
     * A StatefulSet whose pods each claim the {@code claims} (ReadWriteOnce) and are named through Service {@code
     * service}; {@code replicas} is {@code null} when an autoscaler owns the count.
     */
    public static StatefulSet statefulSet(
            ObjectMeta meta,
            Integer replicas,
            Map<String, String> selector,
            String service,
            PodTemplateSpec template,
            List<PersistentVolumeClaim> claims) {
        StatefulSetSpec spec = new StatefulSetSpec();
        spec.setReplicas(replicas);
        spec.setSelector(Meta.selector(selector));
        spec.setServiceName(service);
        spec.setTemplate(template);
        spec.setVolumeClaimTemplates(claims);
        StatefulSet statefulSet = new StatefulSet();
        statefulSet.setMetadata(meta);
        statefulSet.setSpec(spec);
        return statefulSet;
    }

    /** A claim template: {@code size} of {@code storageClass}, mounted read-write by one node. */
    public static PersistentVolumeClaim claim(String name, String storageClass, String size) {
        PersistentVolumeClaim claim = new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(storageClass)
                .withNewResources()
                .addToRequests("storage", new Quantity(size))
                .endResources()
                .endSpec()
                .build();
        // a template, not an object: the API server and kubectl leave out apiVersion and kind here
        claim.setApiVersion(null);
        claim.setKind(null);
        return claim;
    }

    /** A service account whose token is not mounted into pods unless a pod asks for it. */
    public static ServiceAccount serviceAccount(ObjectMeta meta) {
        return new ServiceAccountBuilder()
                .withMetadata(meta)
                .withAutomountServiceAccountToken(false)
                .build();
    }

    public static PodDisruptionBudget budget(ObjectMeta meta, Map<String, String> selector, Disruption disruption) {
        PodDisruptionBudgetBuilder builder = new PodDisruptionBudgetBuilder().withMetadata(meta);
        var spec = builder.withNewSpec().withSelector(Meta.selector(selector));
        if (disruption instanceof Disruption.MaxUnavailable max) {
            spec.withMaxUnavailable(intOrString(max.value()));
        } else if (disruption instanceof Disruption.MinAvailable min) {
            spec.withMinAvailable(intOrString(min.value()));
        }
        return spec.endSpec().build();
    }

    /** An autoscaler for the {@code kind} (Deployment, StatefulSet) {@code target}, on average cpu utilization. */
    public static HorizontalPodAutoscaler autoscaler(
            ObjectMeta meta, String kind, String target, Autoscaling autoscaling) {
        MetricSpec cpu = new MetricSpecBuilder()
                .withType("Resource")
                .withNewResource()
                .withName("cpu")
                .withNewTarget()
                .withType("Utilization")
                .withAverageUtilization(autoscaling.cpuUtilization())
                .endTarget()
                .endResource()
                .build();
        return new HorizontalPodAutoscalerBuilder()
                .withMetadata(meta)
                .withNewSpec()
                .withNewScaleTargetRef()
                .withApiVersion("apps/v1")
                .withKind(kind)
                .withName(target)
                .endScaleTargetRef()
                .withMinReplicas(autoscaling.minReplicas())
                .withMaxReplicas(autoscaling.maxReplicas())
                .withMetrics(cpu)
                .endSpec()
                .build();
    }

    /** {@code "3"} as the number 3, {@code "25%"} as the string. */
    public static IntOrString intOrString(String value) {
        return value.endsWith("%") ? new IntOrString(value) : new IntOrString(Integer.parseInt(value));
    }
}
