package dev.plimsoll.generator.internal.write;

import dev.plimsoll.generator.ConcurrentGenerationException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code .plimsoll/generate.lock} for the duration of one write. It is an operating-system lock,
 * not the file's existence, so a crashed run leaves nothing that blocks the next one.
 */
final class TreeLock implements AutoCloseable {

    static final String PATH = ".plimsoll/generate.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private TreeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or throws {@link ConcurrentGenerationException} when another run holds it. */
    static TreeLock acquire(Path root) throws IOException {
        Path file = root.resolve(PATH);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new ConcurrentGenerationException(PATH);
        }
        return new TreeLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
