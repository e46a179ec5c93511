/**
 * The client library IDS code uses to ask a running dumbno server to shunt a flow: a drop-in for
 * the Python and Go clients, sending the same JSON datagram. It needs nothing but the JDK.
 *
 * <p>Entry points: {@link org.dumbno.client.ACLClient}, answering a
 * {@link org.dumbno.client.Reply} or throwing {@link org.dumbno.client.ServerUnreachableException};
 * {@link org.dumbno.client.FlowRequest} (built with {@link org.dumbno.client.FlowRequest#builder()})
 * is the wire format, signed or not.
 */
package org.dumbno.client;
