package com.qteria.identity.accounts;

import com.qteria.shared.Sha256;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** The secret in an invitation link: 256 random bits, base64url. Only {@link #hash()} is ever stored. */
record InvitationSecret(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    static InvitationSecret random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new InvitationSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Whether a value from a URL could be a secret at all; anything else is answered without a lookup. */
    static boolean wellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    String hash() {
        return Sha256.hex(value);
    }

    /** Never the value: a secret that ends up in a log message must not be usable. */
    @Override
    public String toString() {
        return "InvitationSecret[hidden]";
    }
}
