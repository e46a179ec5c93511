package org.dumbno.security;

/** Why a request was refused, as counted for the metrics: one stable name per kind of refusal. */
enum Reason {
    CLIENT_NOT_ALLOWED("client_not_allowed"),
    RATE_LIMITED("rate_limited"),
    INVALID_REQUEST("invalid_request"),
    NOT_SIGNED("not_signed"),
    BAD_SIGNATURE("bad_signature"),
    STALE_TIMESTAMP("stale_timestamp"),
    REPLAYED("replayed"),
    NEVER_SHUNT("never_shunt");

    private final String metricName;

    Reason(String metricName) {
        this.metricName = metricName;
    }

    /** The lower-case name the metrics layer labels this refusal with. */
    String metricName() {
        return metricName;
    }
}
