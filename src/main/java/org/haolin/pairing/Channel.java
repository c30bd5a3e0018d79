package org.haolin.pairing;

/** How a helper reached (or tried to reach) the resident. */
public enum Channel {
    WECHAT, PHONE, HOME_VISIT
}
