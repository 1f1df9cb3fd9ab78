/**
 * Page compression of the paged formats ({@link dev.vecdb.Format#LZ4}, {@link dev.vecdb.Format#ZSTD},
 * {@link dev.vecdb.Format#PCO}): a {@link dev.vecdb.compress.PageCodec} turns one full page of stored value bytes
 * into a compressed page and back. {@link dev.vecdb.compress.Lz4PageCodec} and
 * {@link dev.vecdb.compress.ZstdPageCodec} compress bytes; {@link dev.vecdb.compress.PcoPageCodec} compresses numbers
 * through the pure-Java pco implementation in {@code dev.vecdb.compress.pco}. Value codecs (how one value is laid
 * out) are in {@code dev.vecdb.codec}; pages, page tables and their checksums in {@code dev.vecdb.vec}.
 *
 * <p>Reading order: {@code PageCodec}, then one implementation. A page codec instance is not thread-safe: each vector
 * (and each reader) uses its own.
 */
package dev.vecdb.compress;
