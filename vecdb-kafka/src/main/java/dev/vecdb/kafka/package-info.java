/**
 * Replication of vecdb databases through Apache Kafka: a leader's {@link dev.vecdb.kafka.CommitPublisher} ships every
 * commit of its database's outbox to the database's topic (one partition, a transactional producer), and each read
 * replica's {@link dev.vecdb.kafka.CommitFollower} applies them in order, exactly once, to a
 * {@link dev.vecdb.Replica}. The wire form of a commit is a run of records whose headers are a
 * {@link dev.vecdb.kafka.PartHeader}. {@code docs/scaling-out.md} describes the topology, the guarantees and the
 * operator's procedures.
 */
package dev.vecdb.kafka;
