package dev.plimsoll.generator;

/** One thing wrong with a platform definition, at its path in the DSL tree ({@code platform/apps/checkout}). */
public record ValidationProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
