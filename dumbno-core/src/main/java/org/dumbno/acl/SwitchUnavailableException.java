package org.dumbno.acl;

/**
 * The switch could not be reached or did not answer sensibly: connection refused, timeout, HTTP 5xx,
 * a reply that is not JSON-RPC. Nothing can be assumed about what ran; retrying later is right.
 */
public final class SwitchUnavailableException extends SwitchException {
    private static final long serialVersionUID = 1L;

    public SwitchUnavailableException(String switchName, String message, Throwable cause) {
        super(switchName, message, cause);
    }
}
