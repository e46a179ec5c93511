/** The performance suite, run by {@code ./bench}: {@link org.dumbno.bench.Benchmark}. */
package org.dumbno.bench;
