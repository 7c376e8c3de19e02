package com.qteria.assessment;

import com.qteria.evaluation.Verdict;
import java.time.Instant;
import java.util.UUID;

/**
 * Whether the machine's verdict on a result was right, in a person's opinion ("Was this correct?"); kept with the
 * machine's verdict at the time, for the false-pass and false-fail figures. JSON {@code {id, criterion_key, correct,
 * comment, machine_verdict, by: {id, name}, at}}.
 */
public record Feedback(UUID id, String criterionKey, boolean correct, String comment, Verdict machineVerdict,
        Review.Reviewer by, Instant at) {
}
