package org.haolin.sweep;

/** The three places on a stairwell's sweep team: 楼组长, 党小组长, 志愿服务队长. */
public enum TeamRole {
    BUILDING_LEADER, PARTY_GROUP_LEADER, VOLUNTEER_LEADER
}
