/**
 * Arista eAPI, both sides of the wire: {@link org.dumbno.eos.eapi.EapiTransport} talks JSON-RPC over
 * HTTP(S) to a switch, {@link org.dumbno.eos.eapi.EapiServer} serves any
 * {@link org.dumbno.eos.Transport} (the simulated switch, for instance) as eAPI. Everything else in
 * this package is the wire format they share.
 */
package org.dumbno.eos.eapi;
