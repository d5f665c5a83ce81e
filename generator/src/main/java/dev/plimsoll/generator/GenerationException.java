package dev.plimsoll.generator;

/**
 * Why a generation did not write the tree. Every subtype means nothing was written (or, for a check, nothing was
 * compared); the message says what to fix.
 */
public abstract sealed class GenerationException extends RuntimeException
        permits ValidationException, LintFailedException, UnownedFileException, ConcurrentGenerationException {

    private static final long serialVersionUID = 1L;

    GenerationException(String message) {
        super(message);
    }
}
