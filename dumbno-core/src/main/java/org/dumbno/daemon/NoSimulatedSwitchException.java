package org.dumbno.daemon;

import org.dumbno.acl.SwitchException;

/**
 * Nothing answers on {@code [simulated] eapi_listen}: the process that hosts the simulated switch
 * ({@code dumbno serve}) is not running.
 */
final class NoSimulatedSwitchException extends SwitchException {
    private static final long serialVersionUID = 1L;

    private final String hint;

    NoSimulatedSwitchException(String switchName, String address, String configName, Throwable cause) {
        super(switchName, "nothing answers", cause);
        this.hint = "no simulated switch at " + address + ": start \"dumbno serve " + configName + "\" first";
    }

    @Override
    public String getMessage() {
        return hint;
    }
}
