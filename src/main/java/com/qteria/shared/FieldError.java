package com.qteria.shared;

/** One offending field of a request, named by its JSON path (e.g. {@code criteria[3].checks[0].pattern}). */
public record FieldError(String field, String message) {
}
