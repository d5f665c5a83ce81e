package dev.plimsoll.generator;

/** Another generation holds the lock on the same output directory; nothing was written. */
public final class ConcurrentGenerationException extends GenerationException {

    private static final long serialVersionUID = 1L;

    public ConcurrentGenerationException(String lockFile) {
        super("another plimsoll generation is running on this tree (" + lockFile + " is locked); try again when it"
                + " has finished");
    }
}
