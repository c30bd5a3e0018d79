package org.haolin.workforce;

/** How a resident agreed to join the volunteer pool. */
public enum ConsentMethod {
    IN_PERSON, PHONE, WECHAT, WRITTEN
}
