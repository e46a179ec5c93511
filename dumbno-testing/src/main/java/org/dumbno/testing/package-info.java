/**
 * Test fixtures every module's tests share, in one artifact ({@code dumbno-testing}, scope test),
 * so none is copied between modules. It knows no dumbno type; fixtures that need one live in
 * dumbno-core's tests. Time without sleeping: a clock that moves only when told to and a
 * scheduler that runs its tasks only when the test says so ({@link org.dumbno.testing.ManualClock},
 * {@link org.dumbno.testing.ManualScheduler}), and a condition wait ({@link org.dumbno.testing.Await}).
 * Peers on loopback: a sensor's UDP socket ({@link org.dumbno.testing.Sensor}), a relay that loses a
 * reply ({@link org.dumbno.testing.LossyRelay}), and a Zeek that speaks its WebSocket API
 * ({@link org.dumbno.testing.ZeekPeer}, which {@code ./bench zeek-peer} runs too). JUnit extensions:
 * what loggers log ({@link org.dumbno.testing.LogCapture}) and what a test opened, closed after it
 * ({@link org.dumbno.testing.Closer}).
 */
package org.dumbno.testing;
