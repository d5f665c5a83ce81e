package dev.plimsoll.policies;

import java.time.LocalDate;
import java.util.Objects;

/** The reason (and optional last day) with which a finding was excused by a {@code plimsoll.dev/waive.*} annotation. */
public record Waiver(String reason, LocalDate expires) {

    /** The annotation prefix; the rule id follows it. */
    public static final String ANNOTATION_PREFIX = "plimsoll.dev/waive.";

    public Waiver {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a waiver needs a reason");
        }
    }
}
