/**
 * Value codecs: how vectors of non-primitive values store one fixed-size value ({@link dev.vecdb.codec.ValueCodec},
 * derived from Java records or for fixed-size byte arrays), the numeric value types
 * ({@link dev.vecdb.codec.NumberType}) and the text forms of values in CSV and JSON export
 * ({@link dev.vecdb.codec.NumberFormats}). Page compression is in {@code dev.vecdb.compress}.
 */
package dev.vecdb.codec;
