package dev.vecdb.sample.api;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A range of one series as JSON. Immutable.
 *
 * @param series the series name
 * @param from first index (height), inclusive
 * @param to last index, exclusive
 * @param length written values in the series
 * @param values the values of {@code [from, to)} as vecdb exports them: a JSON array
 */
record SeriesValues(String series, long from, long to, long length, @JsonRawValue String values) {}
