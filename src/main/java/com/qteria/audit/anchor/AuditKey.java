package com.qteria.audit.anchor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that seals the audit chain: HMAC-SHA256 of each entry's hash and of each checkpoint. It lives outside the
 * database (setting or key file), so someone who can rewrite the database — even recomputing every unkeyed hash —
 * cannot produce seals that {@code verify} accepts. {@link #toString()} never shows the key. A generated key is read
 * on first use, so that the application still starts (and reports itself unhealthy) when the data directory is not.
 */
public final class AuditKey {

    static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final Supplier<SecretKeySpec> key;

    private AuditKey(Supplier<SecretKeySpec> key) {
        this.key = key;
    }

    private static SecretKeySpec spec(byte[] material) {
        if (material.length != KEY_BYTES) {
            throw new IllegalArgumentException("The audit key must be 32 bytes (openssl rand -base64 32), was "
                    + material.length);
        }
        return new SecretKeySpec(material, ALGORITHM);
    }

    /** The key {@code load} returns, asked for once, on first use. */
    static AuditKey lazily(Supplier<AuditKey> load) {
        return new AuditKey(new Supplier<>() {
            private volatile SecretKeySpec loaded;

            @Override
            public SecretKeySpec get() {
                if (loaded == null) {
                    synchronized (this) {
                        if (loaded == null) {
                            loaded = load.get().key.get();
                        }
                    }
                }
                return loaded;
            }
        });
    }

    /** @throws IllegalArgumentException when the text is not base64 of 32 bytes (the message never shows it) */
    public static AuditKey fromBase64(String base64, String where) {
        byte[] material;
        try {
            material = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid audit key in " + where + ": expected base64 of 32 random bytes"
                    + " (generate one with: openssl rand -base64 32)");
        }
        try {
            SecretKeySpec spec = spec(material);
            return new AuditKey(() -> spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid audit key in " + where + ": " + e.getMessage());
        }
    }

    static String generateBase64() {
        byte[] material = new byte[KEY_BYTES];
        new java.security.SecureRandom().nextBytes(material);
        return Base64.getEncoder().encodeToString(material);
    }

    /** The seal of the text, as 64 hex digits. */
    public String seal(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key.get());
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the seal is the text's, compared in constant time; a missing seal never holds. */
    public boolean holds(String text, String seal) {
        return seal != null && MessageDigest.isEqual(seal(text).getBytes(StandardCharsets.US_ASCII),
                seal.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "AuditKey[HMAC-SHA256]";
    }
}
