package com.qteria.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The application with the platform operator's token set ({@code QTERIA_OPERATOR_TOKEN}); send {@link #BEARER}. Test
 * classes with it share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = "qteria.operator-token=" + WithOperator.TOKEN)
public @interface WithOperator {

    String TOKEN = "operator-secret-for-tests-0123456789";

    /** The {@code Authorization} header of the operator. */
    String BEARER = "Bearer " + TOKEN;
}
