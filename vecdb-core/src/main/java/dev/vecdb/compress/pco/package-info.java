/**
 * A pure-Java implementation of the pco (pcodec) numeric compression format, version 4.1, as written by Rust pco
 * 1.x: {@link dev.vecdb.compress.pco.PcoEncoder} writes standalone blobs, {@link dev.vecdb.compress.pco.PcoDecoder}
 * reads standalone blobs of every format version (0 to 4.1) and wrapped chunks. Numbers are passed as Java
 * primitive arrays chosen by {@link dev.vecdb.compress.pco.PcoNumberType}. Encoders and decoders are reusable,
 * allocation-free in steady state and not thread-safe (use one per thread).
 */
package dev.vecdb.compress.pco;
