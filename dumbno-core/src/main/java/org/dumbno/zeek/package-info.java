/**
 * dumbno as a client of Zeek's WebSocket API ({@code /v1/messages/json}): the plain path
 * ({@code Dumbno::request} answered by {@code Dumbno::reply}) and the NetControl path (the Broker
 * plugin's {@code broker_add_rule}, answered by {@code broker_rule_added} and the rest), over a
 * connection that reconnects by itself.
 *
 * <p>Entry points: {@link org.dumbno.zeek.ZeekBridge} (started with
 * {@link org.dumbno.zeek.ZeekBridge#start}), its {@link org.dumbno.zeek.ZeekBridge.Options}, and the
 * {@link org.dumbno.zeek.ZeekStats} snapshot for metrics.
 */
package org.dumbno.zeek;
