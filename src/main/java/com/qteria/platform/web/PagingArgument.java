package com.qteria.platform.web;

import com.qteria.shared.ApiProblem;
import com.qteria.shared.Paging;
import com.qteria.shared.ProblemCode;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.util.NumberUtils;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A {@link Paging} argument of a list endpoint, read from {@code ?page=&size=} (absent or empty: the defaults) and
 * checked by {@link Paging#of}. A value that is not a number is a malformed request, as for any parameter. The
 * OpenAPI description shows the two parameters wherever a handler takes a Paging.
 */
@Configuration(proxyBeanMethods = false)
class PagingArgument implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Paging.class;
    }

    @Override
    public Paging resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        return Paging.of(number(request, "page"), number(request, "size"));
    }

    private static Integer number(NativeWebRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return NumberUtils.parseNumber(value, Integer.class);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(ProblemCode.MALFORMED_REQUEST, "The parameter '" + name + "' has an invalid value.");
        }
    }
}
