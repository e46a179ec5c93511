/**
 * Who may ask for a shunt, and what may never be shunted. A shunt blinds the IDS to a flow, which
 * is exactly what an attacker wants, so requests pass a client allow-list, a per-client rate limit
 * and, when a key is configured, an HMAC signature check, and requests touching protected networks
 * are refused.
 *
 * <p>Entry points: {@link org.dumbno.security.Security} (built from the settings with
 * {@link org.dumbno.security.Security#builder()}; gives the {@link org.dumbno.server.RequestGate}
 * the UDP server runs and the {@link org.dumbno.rule.RequestFilter} the engine runs) and
 * {@link org.dumbno.security.SigningKey} to load the shared key. Clients sign requests with
 * {@link org.dumbno.client.FlowRequest#toSignedJson(org.dumbno.client.Op, byte[], long)}; the
 * scheme is described in README.md, Security.
 */
package org.dumbno.security;
