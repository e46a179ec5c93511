/**
 * Test support shared by the test packages: a clock that moves only when told to and a scheduler
 * that runs its tasks only when the test says so, so time-dependent behaviour is driven without
 * sleeping.
 */
package org.dumbno.testing;
