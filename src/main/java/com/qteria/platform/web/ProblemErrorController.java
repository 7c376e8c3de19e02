package com.qteria.platform.web;

import com.qteria.shared.ProblemCode;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last stop for errors raised outside a controller (unknown routes, 405, oversize bodies, failures in filters):
 * problem details for API callers, the error page for people. Never a stack trace. A form refused for its missing or
 * stale CSRF token (typically a page left open past the session) gets its own explanation rather than "not allowed".
 */
@Controller
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemResponses problems;

    ProblemErrorController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = statusOf(request);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status >= 500) {
            log.error("Unhandled error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
        }
        ProblemCode code = codeFor(status);
        response.setStatus(code.status().value());
        if (ProblemResponses.isApiRequest(request)) {
            problems.write(request, response, code, detailFor(code), null);
            return null;
        }
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", code.status().value());
        page.addObject("code", code.name());
        page.addObject("requestId", RequestIdFilter.idOf(request));
        if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            page.addObject("reason", "csrf");
        }
        page.setStatus(code.status());
        return page;
    }

    /** The status of the error being shown; {@code /error} asked for directly is a page that does not exist. */
    private static int statusOf(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (status instanceof Integer value) {
            return value;
        }
        return request.getDispatcherType() == DispatcherType.ERROR ? 500 : 404;
    }

    static ProblemCode codeFor(int status) {
        if (status == 422) {
            return ProblemCode.VALIDATION_FAILED;
        }
        if (status == 409) {
            return ProblemCode.CONFLICT;
        }
        return Arrays.stream(ProblemCode.values())
                .filter(c -> c.status().value() == status)
                .findFirst()
                .orElse(status >= 500 || status < 400 ? ProblemCode.INTERNAL : ProblemCode.MALFORMED_REQUEST);
    }

    private static String detailFor(ProblemCode code) {
        return switch (code) {
            case NOT_FOUND -> "Resource not found.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource.";
            case PAYLOAD_TOO_LARGE -> "The upload is larger than the configured limit. Split large "
                    + "documents into smaller files, or upload fewer files at once.";
            case UNAUTHENTICATED -> "Sign in or send a valid bearer token.";
            case INSUFFICIENT_PERMISSIONS -> "Your role does not allow this action.";
            case INTERNAL -> "Something went wrong on our side. Quote the request id when you report it.";
            default -> HttpStatus.valueOf(code.status().value()).getReasonPhrase() + ".";
        };
    }
}
