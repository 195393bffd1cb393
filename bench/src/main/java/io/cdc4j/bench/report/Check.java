package io.cdc4j.bench.report;

/**
 * One of the benchmark's targets, reported every run and never asserted.
 *
 * @param goal what cdc4j should reach, in words
 * @param measured what it reached, in words
 * @param met whether it reached it
 */
public record Check(String goal, String measured, boolean met) {
}
