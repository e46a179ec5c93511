/**
 * The UDP server sensors send their requests to: one JSON datagram in, one reply datagram out.
 *
 * <p>Entry points: {@link org.dumbno.server.UdpServer} (started with
 * {@link org.dumbno.server.UdpServer#start}), its {@link org.dumbno.server.UdpServer.Options}, the
 * {@link org.dumbno.server.RequestGate} hook for the security layer, and the
 * {@link org.dumbno.server.ServerStats} snapshot for metrics; {@link org.dumbno.server.WireReply}
 * is the reply's text for an engine's outcome.
 */
package org.dumbno.server;
