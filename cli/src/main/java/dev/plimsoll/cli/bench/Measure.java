package dev.plimsoll.cli.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** What the benchmarks share: timing a task, its peak heap, the JVM to start cold processes with, cleaning up. */
final class Measure {

    private Measure() {}

    /** The median wall time of {@code measured} runs of {@code task}, in milliseconds, after {@code warmup} runs. */
    static double median(Runnable task, int warmup, int measured) {
        for (int i = 0; i < warmup; i++) {
            task.run();
        }
        double[] times = new double[measured];
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            task.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[measured / 2];
    }

    /** The heap that one run of {@code task} peaks at: the sum of the heap pools' peaks, after a collection. */
    static long peakHeapOf(Runnable task) {
        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        task.run();
        return heapPools.stream()
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    /**
     * Runs the CLI in a new process through {@code launcher} ({@code bin/plimsoll}, as a user starts it), with
     * {@code javaOptions} added to the launcher's own (empty for none), output discarded; returns its exit code.
     */
    static int runCli(Path launcher, String javaOptions, List<String> arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(arguments);
        ProcessBuilder process =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        process.environment().put("PLIMSOLL_JAVA_OPTS", javaOptions);
        return process.start().waitFor();
    }

    /** The {@code java} launcher of the running JVM. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }

    /** Deletes {@code directory} and everything under it. */
    static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
