package dev.vecdb.spring;

import dev.vecdb.vec.StoredVec;
import java.util.List;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Registers one bean per vector declared in {@code vecdb.vectors.*}, named after the vector and typed by its value
 * type (a {@code LongVec} for {@code i64}, ...). Each bean is the vector opened by {@link VecdbVectors}. Reads the
 * settings with {@link Binder} because bean definitions are registered before {@code @ConfigurationProperties} beans
 * exist; invalid settings fail here, before any bean is created. Stateless; called once per context refresh.
 */
public class VectorBeanRegistrar implements BeanRegistrar {
  @Override
  public void register(BeanRegistry registry, Environment env) {
    for (VectorDeclaration declaration : declarations(env)) {
      registerVector(registry, declaration.name(), declaration.type().beanClass(), declaration.type().label());
    }
  }

  private static <V extends StoredVec> void registerVector(BeanRegistry registry, String name, Class<V> type,
      String label) {
    registry.registerBean(name, type, spec -> spec
        .description("vecdb vector '" + name + "' of " + label)
        .supplier(context -> context.bean(VecdbVectors.class).get(name, type)));
  }

  private static List<VectorDeclaration> declarations(Environment env) {
    VecdbProperties properties;
    try {
      properties = Binder.get(env).bind(VecdbProperties.PREFIX, VecdbProperties.class)
          .orElseGet(VecdbProperties::new);
    } catch (BindException e) {
      throw BindFailures.explain(e);
    }
    return VecdbPropertiesValidator.validate(properties, ClassUtils.getDefaultClassLoader());
  }
}
