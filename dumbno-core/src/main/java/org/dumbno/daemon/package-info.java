/**
 * The composition root: a configuration in, a running dumbno out.
 *
 * <p>Entry points: {@link org.dumbno.daemon.Daemon} (per switch a transport, the switch and its
 * engine, then {@link org.dumbno.manager.EverySwitch} over the engines, security and the UDP
 * server, started together and closed in reverse; {@link org.dumbno.daemon.Daemon#reload} for a
 * configuration read again, which answers with a {@link org.dumbno.daemon.Reload}) and
 * {@link org.dumbno.daemon.Switches} (the transport a switch's backend calls for, for the
 * serving process or for another one).
 */
package org.dumbno.daemon;
