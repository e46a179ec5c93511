package org.dumbno.acl;

/** The switch refused our credentials (HTTP 401). Retrying will not help; the operator must act. */
public final class AuthenticationException extends SwitchException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String switchName, String message) {
        super(switchName, message, null);
    }
}
