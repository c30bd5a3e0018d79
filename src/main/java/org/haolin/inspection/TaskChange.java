package org.haolin.inspection;

import java.time.OffsetDateTime;

/** One move of a task: from (null when it was created) and to which state, by whom, when, with what note. */
public record TaskChange(TaskState from, TaskState to, String byName, String note, OffsetDateTime at) {
}
