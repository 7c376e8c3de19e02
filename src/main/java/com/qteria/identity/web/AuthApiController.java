package com.qteria.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
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
@Tag(name = "Sign-in tokens", description = "Exchange email and password for an 8-hour bearer token, and sign it out.")
@RequestMapping("/api/v1/auth/token")
class AuthApiController {

    private final PasswordSignIn signIn;
    private final Tokens tokens;

    AuthApiController(PasswordSignIn signIn, Tokens tokens) {
        this.signIn = signIn;
        this.tokens = tokens;
    }

    @PostMapping
    @Operation(operationId = "issueToken", summary = "Sign in: exchange email and password for a bearer token",
            description = "Answers a qt_ token valid for 8 hours. An unknown email and a wrong password get the same "
                    + "401; repeated failures get 429 with Retry-After.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The bearer token.")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthenticated")
    @ApiResponse(responseCode = "429", ref = "#/components/responses/RateLimited")
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
    @Operation(operationId = "revokeToken", summary = "Sign out: revoke the bearer token of this request",
            description = "Only a qt_ sign-in token or a personal access token can be revoked this way; other "
                    + "credentials get 403.")
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
