/**
 * The region store: named, growable byte regions in one sparse data file, with an undo journal that makes every
 * flush atomic and crash-safe. The Java counterpart of Rust's rawdb; see {@link dev.vecdb.store.RegionStore}.
 */
package dev.vecdb.store;
