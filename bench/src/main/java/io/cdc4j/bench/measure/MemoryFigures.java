package io.cdc4j.bench.measure;

/**
 * Peak memory of one benchmark process.
 *
 * @param peakHeapBytes the most heap in use at once, garbage included (samples and the heap just before each GC)
 * @param peakLiveHeapBytes the most heap still in use just after a GC: what the process really held on to
 * @param peakRssBytes the process's peak resident set (VmHWM), 0 where /proc is not available
 */
public record MemoryFigures(long peakHeapBytes, long peakLiveHeapBytes, long peakRssBytes) {
}
