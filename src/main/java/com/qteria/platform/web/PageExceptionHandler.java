package com.qteria.platform.web;

import com.qteria.shared.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages that hit an {@link ApiProblem} (a missing or foreign id, a conflict) show the error page with the problem's
 * status, exactly like the API answers: another organization's resource is a 404 here too.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(ApiProblem.class)
    ModelAndView problem(ApiProblem problem, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(problem.code().status());
        page.addObject("status", problem.code().status().value());
        page.addObject("code", problem.code().name());
        page.addObject("requestId", RequestIdFilter.idOf(request));
        return page;
    }

    /** A typed id in the path that is no id ({@link TypedIdConversion}); any other mismatch goes on to Spring. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        if (e.getMostSpecificCause() instanceof ApiProblem problem) {
            return problem(problem, request);
        }
        throw e;
    }
}
