package com.qteria.platform.web;

import com.qteria.shared.Ids;
import com.qteria.shared.TypedId;
import java.lang.reflect.Constructor;
import java.util.UUID;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Path variables and parameters of every {@link TypedId} type ({@code @PathVariable AssessmentId id}): a text that is
 * not a UUID names no such resource, so it answers 404 naming it ("Assessment not found."), as an unknown id does;
 * an empty parameter is no id. The exception handlers unwrap that problem from Spring's conversion failure.
 */
@Configuration(proxyBeanMethods = false)
class TypedIdConversion implements WebMvcConfigurer, ConverterFactory<String, TypedId> {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(this);
    }

    @Override
    public <T extends TypedId> Converter<String, T> getConverter(Class<T> type) {
        Constructor<T> constructor = canonical(type);
        String resource = TypedId.resource(type);
        return text -> text.isBlank() ? null : create(constructor, Ids.parseOrNotFound(text, resource));
    }

    private static <T> Constructor<T> canonical(Class<T> type) {
        try {
            return type.getDeclaredConstructor(UUID.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " is a TypedId without a constructor taking the UUID", e);
        }
    }

    private static <T> T create(Constructor<T> constructor, UUID value) {
        try {
            return constructor.newInstance(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not create a " + constructor.getDeclaringClass().getName(), e);
        }
    }
}
