/**
 * The rule model: what a sensor may ask for and the EOS ACL text it becomes.
 *
 * <p>Entry points: {@link org.dumbno.rule.Request} (a validated sensor request, read from a
 * datagram with {@link org.dumbno.rule.Request#parse(byte[])}), {@link org.dumbno.rule.Rule}
 * (EOS rule text both ways, compared structurally), and {@link org.dumbno.rule.Flow} (a packet
 * header a rule may match). Bad input of any kind is an
 * {@link org.dumbno.rule.InvalidRequestException} whose message can go back to the requester.
 */
package org.dumbno.rule;
