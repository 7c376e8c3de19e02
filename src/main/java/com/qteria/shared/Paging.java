package com.qteria.shared;

import java.util.ArrayList;
import java.util.List;

/** {@code ?page=0&size=20}: page from 0, size 1 to 100 (default 20). Anything else is a 422. */
public record Paging(int number, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static Paging of(Integer page, Integer size) {
        List<FieldError> errors = new ArrayList<>();
        int number = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (number < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return new Paging(number, pageSize);
    }

    public long offset() {
        return (long) number * size;
    }
}
