package com.qteria.web;

import com.qteria.shared.Paging;
import com.qteria.shared.TypedId;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * What the parameters that mean the same everywhere say in the OpenAPI description: {@code page} and {@code size} of
 * a handler taking a {@link Paging} (read by the platform, so springdoc does not see them), and "The assessment's
 * id." for an id parameter of a {@link TypedId} type that has no description of its own.
 */
final class ParameterDocumentation {

    private static final Map<String, String> PAGING = Map.of(
            "page", "The page to return, counted from 0. Default 0.",
            "size", "Items per page, 1 to 100. Default 20.");

    private ParameterDocumentation() {
    }

    static boolean takesPaging(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == Paging.class);
    }

    static Operation addTo(Operation operation, HandlerMethod handler) {
        if (takesPaging(handler)) {
            for (String name : new String[] {"page", "size"}) {
                operation.addParametersItem(new QueryParameter().name(name).description(PAGING.get(name))
                        .required(false).schema(new IntegerSchema()));
            }
        }
        Map<String, String> ids = Arrays.stream(handler.getMethodParameters())
                .filter(p -> TypedId.class.isAssignableFrom(p.getParameterType()))
                .collect(Collectors.toMap(ParameterDocumentation::name, ParameterDocumentation::idDescription));
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(p -> p.getDescription() == null)
                    .forEach(p -> p.setDescription(ids.get(p.getName())));
        }
        return operation;
    }

    private static String name(MethodParameter parameter) {
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        String given = path != null ? path.name() : query != null ? query.name() : "";
        return given.isEmpty() ? parameter.getParameter().getName() : given;
    }

    @SuppressWarnings("unchecked")
    private static String idDescription(MethodParameter parameter) {
        String resource = TypedId.resource((Class<? extends TypedId>) parameter.getParameterType());
        return "The " + resource.toLowerCase(Locale.ROOT) + "'s id.";
    }
}
