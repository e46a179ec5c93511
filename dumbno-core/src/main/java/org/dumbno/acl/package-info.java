/**
 * The switch SPI: what dumbno needs of a switch, in dumbno's terms. This is the one package an
 * implementer of another kind of switch touches.
 *
 * <p>Entry point: {@link org.dumbno.acl.AclSwitch}, a switch as a set of managed access lists
 * ({@link org.dumbno.acl.AclKey}) read with their lines and counters
 * ({@link org.dumbno.acl.AclEntry}, in a {@link org.dumbno.acl.SwitchRead} that also carries the
 * {@link org.dumbno.acl.LayoutReport}), written to ({@link org.dumbno.acl.EntryWrite}), removed
 * from ({@link org.dumbno.acl.EntryRef}) and set up ({@link org.dumbno.acl.SetupReport});
 * {@link org.dumbno.acl.AclSwitch#dummy(java.util.List)} is the switch that keeps nothing. Implementations: {@code org.dumbno.eos.EosSwitch} for Arista
 * EOS over eAPI, and whatever a library user plugs into
 * {@link org.dumbno.manager.ACLManager.Builder#aclSwitch(AclSwitch)}.
 *
 * <p>Failures are the checked {@link org.dumbno.acl.SwitchException} family: the switch was
 * unreachable ({@link org.dumbno.acl.SwitchUnavailableException}, retried), refused the
 * credentials ({@link org.dumbno.acl.AuthenticationException}) or refused a change
 * ({@link org.dumbno.acl.SwitchRefusedException}, and for one line of a write
 * {@link org.dumbno.acl.EntryWriteException}, answered to its requester).
 */
package org.dumbno.acl;
