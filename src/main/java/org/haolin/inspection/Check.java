package org.haolin.inspection;

/** One answered item of a recorded visit; taskId: the rectification task a finding became. */
public record Check(InspectionItem item, CheckResult result, String note, Long taskId) {
}
