package com.qteria.identity.accounts;

import com.qteria.shared.ApiProblem;
import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing (Spring Security's delegating encoder: argon2id for new hashes, bcrypt still verified) and the
 * password policy. Comparing against a dummy hash for unknown emails keeps both answers equally slow.
 */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final PasswordEncoder encoder;
    private final String dummyHash;

    public Passwords() {
        String argon2 = "argon2@SpringSecurity_v5_8";
        this.encoder = new DelegatingPasswordEncoder(argon2, Map.of(
                argon2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
        this.dummyHash = encoder.encode("not-a-password-of-anyone");
    }

    public String hash(String password, String field) {
        requireAcceptable(password, field);
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        if (password == null) {
            return false;
        }
        if (hash == null) {
            encoder.matches(password, dummyHash);
            return false;
        }
        return encoder.matches(password, hash);
    }

    public static void requireAcceptable(String password, String field) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ApiProblem.validation(field, "must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.length() > MAX_LENGTH) {
            throw ApiProblem.validation(field, "must be at most " + MAX_LENGTH + " characters long");
        }
        if (password.isBlank()) {
            throw ApiProblem.validation(field, "must not be blank");
        }
    }
}
