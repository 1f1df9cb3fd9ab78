package dev.vecdb.compress.pco;

/**
 * What the start of a standalone pco blob says about it.
 *
 * @param numberType the file's uniform number type, else the first chunk's type; {@code null} for a blob without
 *     chunks and without a uniform type
 * @param countHint the writer's total value count hint (untrusted; 0 for legacy files that do not store it)
 */
public record PcoHeader(PcoNumberType numberType, long countHint) {}
