/**
 * The engine: turns requests into {@code deny} lines on the switch and takes them away when their
 * counters stop moving.
 *
 * <p>Entry points: {@link org.dumbno.manager.ACLManager} (built with
 * {@link org.dumbno.manager.ACLManager#builder()}), which answers each request with a
 * {@link org.dumbno.manager.ShuntOutcome}; {@link org.dumbno.manager.ShuntListener} hears what it
 * does (removals as {@link org.dumbno.manager.RemovedShunt}, with a
 * {@link org.dumbno.manager.RemovalReason}); {@link org.dumbno.manager.SequenceAllocation} chooses
 * the number of each new shunt; {@link org.dumbno.manager.Shunter} is all a server needs of it.
 * Everything else is the engine's inside: one {@code Engine} owns the state and its locks, and the
 * parts of its switch lane (reading, writing a batch, sweeping, removing on request) ask it by
 * intent.
 */
package org.dumbno.manager;
