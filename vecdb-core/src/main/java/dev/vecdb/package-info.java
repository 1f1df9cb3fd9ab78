/**
 * vecdb-java: high-performance, mutable, persistent vectors of fixed-size values, stored in one memory-mapped file
 * per database.
 */
package dev.vecdb;
