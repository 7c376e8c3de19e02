package com.qteria.identity.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.security.PasswordSignIn;
import com.qteria.identity.security.SignInThrottledException;
import com.qteria.identity.security.TokenAuthentication;
import com.qteria.identity.security.Tokens;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.ProblemCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Email and password in, an 8-hour bearer token out; and signing that token out again. */
@RestController
@Tag(name = "Sign-in tokens")
@RequestMapping("/api/v1/auth/token")
class AuthApiController {

    private final PasswordSignIn signIn;
    private final Tokens tokens;

    AuthApiController(PasswordSignIn signIn, Tokens tokens) {
        this.signIn = signIn;
        this.tokens = tokens;
    }

    @PostMapping
    TokenResponse issue(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        CurrentUser user;
        try {
            user = signIn.signIn(request.email(), request.password(), http.getRemoteAddr(), "token");
        } catch (SignInThrottledException e) {
            throw ApiProblem.rateLimited(e.retryAfter());
        } catch (BadCredentialsException e) {
            throw new ApiProblem(ProblemCode.UNAUTHENTICATED, "Email or password is not correct.");
        }
        Tokens.IssuedToken token = tokens.issueSignInToken(user);
        return new TokenResponse(token.value(), "Bearer", token.ttl().toSeconds());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Authentication authentication) {
        if (authentication instanceof TokenAuthentication token) {
            tokens.revokeUsed(token.getPrincipal(), token.tokenId());
            return;
        }
        throw new ApiProblem(ProblemCode.INSUFFICIENT_PERMISSIONS, "Only a user's bearer token can be revoked here.");
    }

    /** Secrets stay out of {@code toString}: Spring MVC logs request and response bodies at DEBUG level. */
    record TokenRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "TokenRequest[email=" + email + ", password=******]";
        }
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {
        @Override
        public String toString() {
            return "TokenResponse[accessToken=******, tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
        }
    }
}
