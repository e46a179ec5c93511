/** A runnable benchmark of the ACL manager against the simulated switch: {@link org.dumbno.bench.ManagerBenchmark}. */
package org.dumbno.bench;
