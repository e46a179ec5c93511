/**
 * The rule model: what a sensor may ask for and the EOS ACL text it becomes.
 *
 * <p>Entry points: {@link org.dumbno.rule.Request} (a validated sensor request, read from a
 * datagram with {@link org.dumbno.rule.Request#parse(byte[])} or built with
 * {@link org.dumbno.rule.Request#builder()}), {@link org.dumbno.rule.Rule} (EOS rule text both
 * ways, compared structurally), {@link org.dumbno.rule.Flow} (a packet header a rule may match),
 * {@link org.dumbno.rule.RequestFilter} (a check the engine runs on every request) and
 * {@link org.dumbno.rule.Addresses} (IP literals and networks, read the one strict way everywhere). Bad input of any kind is an
 * {@link org.dumbno.rule.InvalidRequestException} whose message can go back to the requester.
 */
package org.dumbno.rule;
