/**
 * The {@code vecdb} actuator endpoint and the answers it writes. Nothing is null unless annotated {@code @Nullable}.
 *
 * <p>Reading order: {@link dev.vecdb.spring.actuate.VecdbEndpoint} (the operations), then its answers
 * ({@link dev.vecdb.spring.actuate.DatabaseSummary}, {@link dev.vecdb.spring.actuate.VectorSummary},
 * {@link dev.vecdb.spring.actuate.VectorDetails}, {@link dev.vecdb.spring.actuate.FlushResult},
 * {@link dev.vecdb.spring.actuate.RollbackResult}), {@link dev.vecdb.spring.actuate.VectorValues} (how values are
 * read for an answer) and {@link dev.vecdb.spring.actuate.VectorRollback} (the rollback operation's policy).
 */
@NullMarked
package dev.vecdb.spring.actuate;

import org.jspecify.annotations.NullMarked;
