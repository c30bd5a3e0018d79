package org.haolin.screening;

/** A campaign is planned (who is expected may be recounted), open (scans are taken) and finally closed. */
public enum CampaignState {
    PLANNED, OPEN, CLOSED
}
