package com.qteria.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Requests that many API tests send, built one way. */
public final class ApiRequests {

    private ApiRequests() {
    }

    /** {@code POST /api/v1/auth/token} from the given client address (the rate limits count per address). */
    public static MockHttpServletRequestBuilder tokenRequest(String email, String password, String ip) {
        return post("/api/v1/auth/token")
                .with(request -> {
                    request.setRemoteAddr(ip);
                    return request;
                })
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
    }

    /** The request with a bearer token and a JSON body. */
    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token, String body) {
        return request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /**
     * Reads the assessment until {@code path} of its JSON equals {@code wanted} and returns that JSON; fails after
     * {@code limit} with the last answer.
     */
    public static String awaitAssessment(MockMvc mvc, String token, String id, String path, String wanted,
            Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        String body = null;
        while (Instant.now().isBefore(deadline)) {
            body = mvc.perform(get("/api/v1/assessments/" + id).header("Authorization", "Bearer " + token))
                    .andReturn().getResponse().getContentAsString();
            if (wanted.equals(String.valueOf(JsonPath.<Object>read(body, path)))) {
                return body;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Assessment " + id + ": " + path + " is not " + wanted + " in " + body);
    }
}
