package org.dumbno.acl;

import java.io.IOException;

/**
 * A switch did not do what was asked. The subclasses say why, because the engine treats them
 * differently: a refused change is answered to its requester ({@link SwitchRefusedException}), an
 * unreachable switch is retried ({@link SwitchUnavailableException}).
 * Messages name the switch and never carry credentials.
 */
public abstract class SwitchException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String switchName;

    protected SwitchException(String switchName, String message, Throwable cause) {
        super(switchName + ": " + message, cause);
        this.switchName = switchName;
    }

    /** The switch as {@link AclSwitch#describe()} names it. */
    public String switchName() {
        return switchName;
    }
}
