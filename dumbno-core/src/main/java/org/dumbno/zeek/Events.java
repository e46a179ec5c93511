package org.dumbno.zeek;

import java.util.List;

/** The names of the events dumbno exchanges with Zeek. */
final class Events {
    static final String REQUEST = "Dumbno::request";
    static final String REPLY = "Dumbno::reply";
    static final String REMOVED = "Dumbno::removed";
    static final String ADD_RULE = "NetControl::broker_add_rule";
    static final String REMOVE_RULE = "NetControl::broker_remove_rule";
    static final String RULE_ADDED = "NetControl::broker_rule_added";
    static final String RULE_EXISTS = "NetControl::broker_rule_exists";
    static final String RULE_REMOVED = "NetControl::broker_rule_removed";
    static final String RULE_ERROR = "NetControl::broker_rule_error";
    static final String RULE_TIMEOUT = "NetControl::broker_rule_timeout";

    static final List<String> RECEIVED = List.of(REQUEST, ADD_RULE, REMOVE_RULE);
    static final List<String> SENT = List.of(REPLY, REMOVED, RULE_ADDED, RULE_EXISTS, RULE_REMOVED, RULE_ERROR,
            RULE_TIMEOUT);

    private Events() {
    }
}
