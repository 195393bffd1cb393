package io.cdc4j.bench.measure;

/**
 * Peak memory of one benchmark process.
 *
 * @param peakHeapBytes the most heap in use at once, garbage included (samples and the heap just before each GC)
 * @param peakHeapAfterGcBytes the most heap in use just after any GC; with G1 this counts old-generation garbage that
 *        no marking has found yet, so it overstates what the process holds on to
 * @param liveSetBytes the most heap left by the full GCs the probe asked for: the objects really reachable, 0 when
 *        the run did not measure it
 * @param peakRssBytes the process's peak resident set (VmHWM), 0 where /proc is not available
 */
public record MemoryFigures(long peakHeapBytes, long peakHeapAfterGcBytes, long liveSetBytes, long peakRssBytes) {
}
