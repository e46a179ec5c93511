/**
 * Arista EOS as a dumbno switch: {@link org.dumbno.eos.EosSwitch} implements the
 * {@link org.dumbno.acl.AclSwitch} SPI with EOS CLI commands, each operation one eAPI call over a
 * {@link org.dumbno.eos.Transport}. Everything else here is how: the commands that set up and
 * repair the layout, the reading of {@code show ... access-lists} results, and
 * {@link org.dumbno.eos.CommandFailedException}, eAPI's stop-on-error refusal of one command.
 *
 * <p>Transports: {@code org.dumbno.eos.eapi.EapiTransport} (JSON-RPC over HTTP(S) to a switch) and
 * {@code org.dumbno.eos.sim.SimulatedSwitch} (an EOS model in-process; its
 * {@code aclSwitch(Map)} gives the {@code EosSwitch} over it in one call).
 */
package org.dumbno.eos;
