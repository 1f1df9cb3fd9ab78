package dev.vecdb.spring.autoconfigure;

import dev.vecdb.spring.replication.ReplicationRole;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/** Applies the annotated configuration or bean only when {@code vecdb.replication.role} is {@link #value()}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnReplicationRoleCondition.class)
@interface ConditionalOnReplicationRole {
  /** The role. */
  ReplicationRole value();
}
