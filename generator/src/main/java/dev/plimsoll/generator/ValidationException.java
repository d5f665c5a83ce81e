package dev.plimsoll.generator;

import java.util.List;
import java.util.stream.Collectors;

/** The platform definition is wrong; every problem found is listed, each with its path. */
public final class ValidationException extends GenerationException {

    private static final long serialVersionUID = 1L;

    private final transient List<ValidationProblem> problems;

    public ValidationException(List<ValidationProblem> problems) {
        super("the platform definition has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + ":\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ValidationProblem> problems() {
        return problems;
    }
}
