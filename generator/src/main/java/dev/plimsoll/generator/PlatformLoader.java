package dev.plimsoll.generator;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a {@link PlatformDefinition} by class name from a class path of directories and jars and calls its {@code
 * define()}: what {@code plimsoll generate --class} and the Maven plugin's {@code <platform>} do. Close it after the
 * platform has been rendered, not before: a definition's lambdas ({@code PerEnv.by(…)}) run during the render and may
 * load more of its classes then.
 *
 * <pre>{@code
 * try (PlatformLoader loader = PlatformLoader.of(List.of(Path.of("target/classes")))) {
 *     Platform platform = loader.define("com.acme.AcmePlatform");
 *     generator.write(platform, Path.of("."));
 * } catch (DefinitionException e) {        // not found, not a PlatformDefinition, not instantiable, or it failed
 *     System.err.println(e.getMessage());
 * }
 * }</pre>
 */
public final class PlatformLoader implements Closeable {

    private final URLClassLoader classLoader;

    private PlatformLoader(URLClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * A loader over {@code classpath}. Classes are looked up in plimsoll's own class loader first, so a definition
     * shares plimsoll's DSL and fabric8 classes (a copy of them on {@code classpath} is not used).
     */
    public static PlatformLoader of(List<Path> classpath) {
        List<URL> urls = new ArrayList<>(classpath.size());
        for (Path entry : classpath) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UncheckedIOException("class path entry is not a path: " + entry, e);
            }
        }
        return new PlatformLoader(
                new URLClassLoader(urls.toArray(URL[]::new), PlatformDefinition.class.getClassLoader()));
    }

    /** Loads {@code className}, creates it with its public no-argument constructor, and returns its platform. */
    public Platform define(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, true, classLoader);
        } catch (ClassNotFoundException e) {
            throw new DefinitionException(
                    className, DefinitionException.Problem.NOT_FOUND, "class " + className + " was not found", e);
        } catch (LinkageError e) {
            throw new DefinitionException(
                    className,
                    DefinitionException.Problem.NOT_FOUND,
                    "class " + className + " could not be loaded: " + e,
                    e);
        }
        if (!PlatformDefinition.class.isAssignableFrom(type)) {
            throw new DefinitionException(
                    className,
                    DefinitionException.Problem.NOT_A_DEFINITION,
                    className + " does not implement " + PlatformDefinition.class.getName(),
                    null);
        }
        PlatformDefinition definition = instantiate(className, type.asSubclass(PlatformDefinition.class));
        Platform platform;
        try {
            platform = definition.define();
        } catch (GenerationException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new DefinitionException(
                    className, DefinitionException.Problem.FAILED, className + ".define() failed: " + e, e);
        }
        if (platform == null) {
            throw new DefinitionException(
                    className, DefinitionException.Problem.FAILED, className + ".define() returned null", null);
        }
        return platform;
    }

    private static PlatformDefinition instantiate(String className, Class<? extends PlatformDefinition> type) {
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new DefinitionException(
                    className, DefinitionException.Problem.NOT_INSTANTIABLE, className + " is abstract", null);
        }
        try {
            Constructor<? extends PlatformDefinition> constructor = type.getConstructor();
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new DefinitionException(
                    className,
                    DefinitionException.Problem.NOT_INSTANTIABLE,
                    className + " has no public no-argument constructor",
                    e);
        } catch (InvocationTargetException e) {
            throw new DefinitionException(
                    className,
                    DefinitionException.Problem.FAILED,
                    "the constructor of " + className + " failed: " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new DefinitionException(
                    className,
                    DefinitionException.Problem.NOT_INSTANTIABLE,
                    "cannot create " + className + ": " + e,
                    e);
        }
    }

    /** Releases the class path's jar files; classes already loaded stay usable, no more can be loaded. */
    @Override
    public void close() throws IOException {
        classLoader.close();
    }
}
