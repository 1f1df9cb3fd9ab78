/**
 * vecdb-java: high-performance, mutable, persistent vectors of fixed-size values, stored in one memory-mapped file
 * per database.
 *
 * <p>Throughout the sources, "the original" means the Rust crates {@code vecdb} and {@code rawdb} that this project
 * re-implements; {@code docs/porting.md} names the upstream version followed, maps the original's files to the Java
 * classes and lists every deliberate divergence.
 */
package dev.vecdb;
