/**
 * A simulated Arista EOS switch, for trying dumbno without hardware and for tests and benchmarks.
 *
 * <p>Entry points: {@link org.dumbno.eos.sim.SimulatedSwitch} (a {@link org.dumbno.eos.Transport}
 * that interprets the EOS CLI with eAPI semantics, built with
 * {@link org.dumbno.eos.sim.SimulatedSwitch#builder()}, whose interfaces are given as EOS writes
 * ranges, such as {@code Ethernet1-16}; its
 * {@link org.dumbno.eos.sim.SimulatedSwitch#aclSwitch(java.util.Map)} is the
 * {@link org.dumbno.eos.EosSwitch} over it), {@link org.dumbno.eos.sim.SimulatedEntry} (what its
 * access lists hold), {@link org.dumbno.eos.sim.Sleeper} (how it waits out injected latency) and
 * {@link org.dumbno.eos.sim.TrafficGenerator} (demo traffic through it).
 */
package org.dumbno.eos.sim;
