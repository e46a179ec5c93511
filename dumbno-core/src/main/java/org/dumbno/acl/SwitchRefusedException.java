package org.dumbno.acl;

import java.util.List;

/**
 * The switch was reached and refused what was asked, giving its reasons. What it refused did not
 * happen; asking again the same way will not help, so the engine answers the requests concerned
 * instead of retrying them.
 */
public class SwitchRefusedException extends SwitchException {
    private static final long serialVersionUID = 1L;

    private final List<String> reasons;

    /**
     * @param switchName the switch as {@link AclSwitch#describe()} names it
     * @param message what was refused, naming the value concerned
     * @param reasons the switch's reasons, as it gave them (may be empty)
     * @param cause the switch's own error, if any
     */
    public SwitchRefusedException(String switchName, String message, List<String> reasons, Throwable cause) {
        super(switchName, message, cause);
        this.reasons = List.copyOf(reasons);
    }

    /** The switch's reasons, as it gave them; empty when it gave none. */
    public List<String> reasons() {
        return reasons == null ? List.of() : reasons;
    }
}
