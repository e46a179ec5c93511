/**
 * The composition root: a configuration in, a running dumbno out.
 *
 * <p>Entry points: {@link org.dumbno.daemon.Daemon} (transport, switch, engine, security and UDP
 * server, started together and closed in reverse; {@link org.dumbno.daemon.Daemon#reload} for a
 * configuration read again, which answers with a {@link org.dumbno.daemon.Reload}) and
 * {@link org.dumbno.daemon.Switches} (the transport a configuration's backend calls for, for the
 * serving process or for another one).
 */
package org.dumbno.daemon;
