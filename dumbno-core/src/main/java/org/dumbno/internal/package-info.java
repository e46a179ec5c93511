/**
 * Plumbing shared by dumbno's parts. Public only because Java has no narrower way to share it
 * across packages: nothing here is API, and it may change without notice.
 */
package org.dumbno.internal;
