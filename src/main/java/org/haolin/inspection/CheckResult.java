package org.haolin.inspection;

/** What a visit found for one checklist item. A FINDING always carries a description and becomes a task. */
public enum CheckResult {
    OK, FINDING, NOT_CHECKED
}
