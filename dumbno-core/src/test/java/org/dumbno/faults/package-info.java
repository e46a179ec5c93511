/**
 * The fault suite: outages, HTTP 500s, calls slower than the eAPI timeout, a refused line in a
 * batch, a restart in the middle of a burst, full TCAM and an exhausted sequence range. Each test
 * checks, on the simulated switch, that every acknowledged rule is in every list of its family,
 * that no line is duplicated and no number written twice, that dumbno still answers afterwards,
 * and that a log line says what happened. Time is driven by a manual clock and scheduler; where
 * real threads and sockets are involved, tests wait on conditions with timeouts.
 */
package org.dumbno.faults;
