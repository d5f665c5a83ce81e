package dev.plimsoll.generator;

/**
 * A HorizontalPodAutoscaler for an app: between {@code minReplicas} and {@code maxReplicas} pods, scaling on average
 * cpu utilization (percent of the cpu request). With an autoscaler the Deployment sets no replica count of its own.
 */
public record Autoscaling(int minReplicas, int maxReplicas, int cpuUtilization) {

    /** Between {@code min} and {@code max} pods, targeting 70% cpu utilization. */
    public static Autoscaling between(int min, int max) {
        return new Autoscaling(min, max, 70);
    }

    public Autoscaling targetCpu(int percent) {
        return new Autoscaling(minReplicas, maxReplicas, percent);
    }
}
