package org.dumbno.eos;

import java.io.IOException;

/**
 * A switch did not do what was asked. The subclasses say why, because the engine treats them
 * differently: a refused command is answered to its requester, an unreachable switch is retried.
 * Messages name the switch and never carry credentials.
 */
public abstract class SwitchException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String switchName;

    protected SwitchException(String switchName, String message, Throwable cause) {
        super(switchName + ": " + message, cause);
        this.switchName = switchName;
    }

    /** The switch as {@link Transport#describe()} names it. */
    public String switchName() {
        return switchName;
    }
}
