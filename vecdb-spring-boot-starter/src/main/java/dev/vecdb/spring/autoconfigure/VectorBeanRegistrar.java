package dev.vecdb.spring.autoconfigure;

import dev.vecdb.spring.VecdbVectors;
import dev.vecdb.spring.VectorDeclaration;
import dev.vecdb.vec.StoredVec;
import java.util.List;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Registers the validated {@link VectorDeclarations} and one bean per vector declared in {@code vecdb.vectors.*},
 * named after the vector and typed by its value type (a {@code LongVec} for {@code i64}, ...). Each vector bean is
 * the vector opened by {@link VecdbVectors}. Reads the settings with {@link Binder} because bean definitions are
 * registered before {@code @ConfigurationProperties} beans exist: a value that does not bind, and an unknown key under
 * {@code vecdb.vectors.<name>}, fail here with Boot's own binding failure reports; invalid settings fail with
 * {@link dev.vecdb.spring.VecdbConfigurationException}. Stateless; called once per context refresh.
 */
final class VectorBeanRegistrar implements BeanRegistrar {
  /** What the bean definition of a vector says about it; failure analysis looks for it. */
  static final String DESCRIPTION = "vecdb vector declared in ";

  private static final ConfigurationPropertyName VECTORS = ConfigurationPropertyName.of("vecdb.vectors");

  @Override
  public void register(BeanRegistry registry, Environment env) {
    List<VectorDeclaration> declarations = declarations(env);
    registry.registerBean("vecdbVectorDeclarations", VectorDeclarations.class,
        spec -> spec.supplier(context -> new VectorDeclarations(declarations)));
    for (VectorDeclaration declaration : declarations) {
      registerVector(registry, declaration, declaration.type().beanClass());
    }
  }

  private static <V extends StoredVec> void registerVector(BeanRegistry registry, VectorDeclaration declaration,
      Class<V> type) {
    String name = declaration.name();
    registry.registerBean(name, type, spec -> spec
        .description(DESCRIPTION + declaration.property() + " (" + declaration.type().label() + ")")
        .supplier(context -> context.bean(VecdbVectors.class).get(name, type)));
  }

  private static List<VectorDeclaration> declarations(Environment env) {
    Binder binder = Binder.get(env);
    VecdbProperties properties = binder.bind(VecdbProperties.PREFIX, VecdbProperties.class)
        .orElseGet(VecdbProperties::new);
    binder.bind(VECTORS, Bindable.mapOf(String.class, VectorProperties.class),
        new NoUnboundElementsBindHandler(BindHandler.DEFAULT)).ifBound(properties::setVectors);
    ReplicationPropertiesValidator.validate(binder, ClassUtils.getDefaultClassLoader());
    return VecdbPropertiesValidator.validate(properties, ClassUtils.getDefaultClassLoader());
  }
}
