package io.cdc4j.meta;

/**
 * The binlog server ids a changefeed presents to the upstream, unique in its cluster: the upstream drops a replica
 * connection when another one registers with the same id.
 *
 * @param base the start of the range they were counted from (the upstream URI's server-id)
 * @param reader the id of the changefeed's binlog reader
 * @param probe the id of its short start-point probes
 */
public record ServerIds(long base, long reader, long probe) {
}
