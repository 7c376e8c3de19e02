package com.qteria.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.http.MediaType;
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
}
