package com.qteria.web;

import com.qteria.shared.ProblemCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The problem details of API.md in the OpenAPI description: one {@code Problem} schema, one reusable response per
 * error, and the errors every operation can answer, derived from what it takes (ids in the path, a body, query
 * parameters, a file upload) so no controller repeats them. Errors only some operations give (409, 429) are named on
 * those operations with {@code @ApiResponse(ref = …)}.
 */
final class ProblemDocumentation {

    static final String PROBLEM_JSON = "application/problem+json";

    /** The reusable responses, by name in {@code components/responses}. */
    enum Answer {
        BAD_REQUEST(ProblemCode.MALFORMED_REQUEST,
                "The request cannot be read: malformed JSON or multipart, or a parameter of the wrong type."),
        UNAUTHENTICATED(ProblemCode.UNAUTHENTICATED,
                "No valid bearer token was sent; when signing in: the email or password is not correct."),
        FORBIDDEN(ProblemCode.INSUFFICIENT_PERMISSIONS,
                "The caller's role may not do this. Checked before anything else, so it reveals nothing about ids."),
        NOT_FOUND(ProblemCode.NOT_FOUND,
                "No such resource in the caller's organization. Another organization's resource is not found too."),
        CONFLICT(ProblemCode.CONFLICT, "The resource is in a state that does not allow this; detail says why."),
        ASSESSMENT_NOT_READY(ProblemCode.ASSESSMENT_NOT_READY, "The assessment has not completed yet."),
        PAYLOAD_TOO_LARGE(ProblemCode.PAYLOAD_TOO_LARGE,
                "A file is larger than the configured limit (50 MB by default)."),
        UNSUPPORTED_MEDIA_TYPE(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                "The body's content type is not accepted here, or an uploaded file is neither PDF nor DOCX."),
        VALIDATION_FAILED(ProblemCode.VALIDATION_FAILED,
                "Fields or parameters are invalid; errors names each one with its message."),
        MISSING_REQUIRED_BUCKETS(ProblemCode.MISSING_REQUIRED_BUCKETS,
                "A required bucket has no document (MISSING_REQUIRED_BUCKETS, naming them), or fields are invalid "
                        + "(VALIDATION_FAILED)."),
        RATE_LIMITED(ProblemCode.RATE_LIMITED,
                "Too many failed attempts; try again after the seconds in Retry-After."),
        INTERNAL(ProblemCode.INTERNAL,
                "An unexpected error on the server; quote the request_id when you report it. Never a stack trace.");

        final String status;
        final ProblemCode code;
        final String description;

        Answer(ProblemCode code, String description) {
            this.status = String.valueOf(code.status().value());
            this.code = code;
            this.description = description;
        }

        String componentName() {
            return Arrays.stream(name().toLowerCase().split("_"))
                    .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                    .reduce("", String::concat);
        }

        String ref() {
            return "#/components/responses/" + componentName();
        }
    }

    private ProblemDocumentation() {
    }

    /** Adds the {@code Problem} schema, the {@code X-Request-Id} and {@code Retry-After} headers and the responses. */
    static Components addTo(Components components) {
        Map<String, Schema<?>> field = new LinkedHashMap<>();
        field.put("field", string("The JSON path of the field, or the parameter's name, such as criteria[2].name."));
        field.put("message", string("What is wrong with it, in plain words."));
        components.addSchemas("FieldError", object(field, List.copyOf(field.keySet())));
        components.addSchemas("Problem", problemSchema());
        components.addHeaders("X-Request-Id", new Header().description(
                "The request's id: the caller's X-Request-Id when given, else a generated one. Also in request_id.")
                .schema(string(null)));
        components.addHeaders("Retry-After", new Header().description("Seconds to wait before trying again.")
                .schema(integer("Seconds.")));
        for (Answer answer : Answer.values()) {
            components.addResponses(answer.componentName(), response(answer));
        }
        return components;
    }

    /** The errors the operation answers, unless it documents them itself. */
    static Operation addTo(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        for (Answer answer : answers(operation, handler)) {
            responses.computeIfAbsent(answer.status, status -> new ApiResponse().$ref(answer.ref()));
        }
        ApiResponses sorted = new ApiResponses();
        responses.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
        return operation.responses(sorted);
    }

    private static List<Answer> answers(Operation operation, HandlerMethod handler) {
        boolean body = takes(handler, RequestBody.class);
        boolean query = takes(handler, RequestParam.class) || takes(handler, ParameterObject.class)
                || ParameterDocumentation.takesPaging(handler);
        boolean pathId = takes(handler, PathVariable.class);
        boolean upload = consumes(handler, org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE);
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        Map<Answer, Boolean> when = new LinkedHashMap<>();
        when.put(Answer.BAD_REQUEST, body || query);
        when.put(Answer.UNAUTHENTICATED, !open);
        when.put(Answer.FORBIDDEN, !open);
        when.put(Answer.NOT_FOUND, pathId);
        when.put(Answer.PAYLOAD_TOO_LARGE, upload);
        when.put(Answer.UNSUPPORTED_MEDIA_TYPE, body || upload);
        when.put(Answer.VALIDATION_FAILED, body || query);
        when.put(Answer.INTERNAL, true);
        return when.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    private static boolean takes(HandlerMethod handler, Class<? extends Annotation> annotation) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(annotation));
    }

    private static boolean consumes(HandlerMethod handler, String mediaType) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.asList(mapping.consumes()).contains(mediaType);
    }

    private static ApiResponse response(Answer answer) {
        ApiResponse response = new ApiResponse().description(answer.description)
                .addHeaderObject("X-Request-Id", new Header().$ref("#/components/headers/X-Request-Id"))
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                        .example(example(answer.code))));
        if (answer == Answer.RATE_LIMITED) {
            response.addHeaderObject("Retry-After", new Header().$ref("#/components/headers/Retry-After"));
        }
        return response;
    }

    private static Map<String, Object> example(ProblemCode code) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", code.type());
        example.put("title", code.title());
        example.put("status", code.status().value());
        example.put("detail", code == ProblemCode.MISSING_REQUIRED_BUCKETS
                ? "Every required bucket needs a document: test_reports." : code.title() + ".");
        example.put("instance", "/api/v1/documents/0196f1c2-7a3e-7b41-9c55-3f1e2d4a6b80");
        example.put("code", code.name());
        example.put("request_id", "0b7c2f4e-8d1a-4c5e-9f3b-2a6d8e1c4b7a");
        example.put("errors", switch (code) {
            case VALIDATION_FAILED -> List.of(Map.of("field", "name", "message", "must not be blank"));
            case MISSING_REQUIRED_BUCKETS -> List.of(Map.of("field", "documents",
                    "message", "Required bucket 'test_reports' has no document."));
            default -> List.of();
        });
        return example;
    }

    private static Schema<Object> problemSchema() {
        Map<String, Schema<?>> properties = new LinkedHashMap<>();
        properties.put("type", string("A URI naming the kind of problem, stable per code.").format("uri"));
        properties.put("title", string("A short, plain title of the kind of problem."));
        properties.put("status", integer("The HTTP status code."));
        properties.put("detail", string("What went wrong in this case, in plain words."));
        properties.put("instance", string("The path of the request.").format("uri-reference"));
        Schema<String> code = string("The error code of API.md; clients branch on it, not on title or detail.");
        code.setEnum(Arrays.stream(ProblemCode.values()).map(Enum::name).toList());
        properties.put("code", code);
        properties.put("request_id", string("The request's id, as in the X-Request-Id header."));
        properties.put("errors", array(new Schema<>().$ref("#/components/schemas/FieldError"),
                "The invalid fields or missing buckets (422); empty for other problems."));
        Schema<Object> problem = object(properties, List.copyOf(properties.keySet()));
        problem.description("An RFC 9457 problem detail (application/problem+json), the shape of every error.");
        return problem;
    }

    private static Schema<Object> object(Map<String, Schema<?>> properties, List<String> required) {
        Schema<Object> schema = typed("object");
        properties.forEach(schema::addProperty);
        schema.setRequired(required);
        return schema;
    }

    private static Schema<String> string(String description) {
        Schema<String> schema = typed("string");
        return schema.description(description);
    }

    private static Schema<Integer> integer(String description) {
        Schema<Integer> schema = typed("integer");
        return schema.format("int32").description(description);
    }

    private static Schema<Object> array(Schema<?> items, String description) {
        Schema<Object> schema = new ArraySchema().items(items).types(Set.of("array"));
        return schema.description(description);
    }

    /** Both spellings of the type: {@code type} for OpenAPI 3.0, {@code types} for 3.1. */
    private static <T> Schema<T> typed(String type) {
        Schema<T> schema = new Schema<>();
        schema.setType(type);
        schema.setTypes(Set.of(type));
        return schema;
    }
}
