/**
 * The wish list (圆梦): a need found at a check-in, on the hotline or by staff becomes a wish; triage routes it to a
 * government service item (星管家) or publishes it on the public board, where claimer organisations claim and
 * fulfil it; the resident's helper confirms and closes it, or reopens it. Claimers never see who the resident is.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "area", "resident", "pairing"})
package org.haolin.wish;
