package dev.plimsoll.policies.config;

/** One thing wrong with a config file, at a 1-based line and column. */
public record ConfigProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
