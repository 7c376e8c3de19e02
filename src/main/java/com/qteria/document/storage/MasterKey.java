package com.qteria.document.storage;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256 master key and its id. It only ever encrypts data keys (key wrapping with AES-256-GCM, a random 12-byte
 * nonce per wrap), with the key id and the object key as associated data: a wrapped key copied to another object, or
 * relabelled with another key id, no longer unwraps. {@link #toString()} shows the id only.
 */
public record MasterKey(String id, SecretKey secret) {

    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    public MasterKey {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("A master key id is 1 to 32 letters, digits, '.', '_' or '-'");
        }
        Objects.requireNonNull(secret, "secret");
        if (!"AES".equals(secret.getAlgorithm()) || secret.getEncoded() == null
                || secret.getEncoded().length != KEY_BYTES) {
            throw new IllegalArgumentException("Master key '" + id + "' is not a 32-byte AES key");
        }
    }

    public static MasterKey of(String id, byte[] material) {
        if (material.length != KEY_BYTES) {
            throw new IllegalArgumentException("Master key '" + id + "' is not a 32-byte AES key");
        }
        return new MasterKey(id, new SecretKeySpec(material, "AES"));
    }

    /** A new random key, for the embedded default and for tests. */
    public static MasterKey generate(String id) {
        byte[] material = new byte[KEY_BYTES];
        RANDOM.nextBytes(material);
        return of(id, material);
    }

    /**
     * At most 32 characters: shorter than any 32-byte key in base64 (43 or more), so key material pasted where the
     * id belongs is never taken for an id, and never printed as one in an error message.
     */
    static boolean isValidId(String id) {
        return id != null && id.matches("[A-Za-z0-9._-]{1,32}");
    }

    WrappedKey wrap(byte[] dataKey, String objectKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, objectKey).doFinal(dataKey);
            return new WrappedKey(id, ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    byte[] unwrap(WrappedKey wrapped, String objectKey) {
        byte[] bytes = wrapped.wrapped();
        if (!id.equals(wrapped.keyId()) || bytes.length <= NONCE_BYTES) {
            throw MasterKeyException.doesNotMatch(wrapped.keyId(), null);
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), objectKey)
                    .doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) { // AEADBadTagException: other key, other object, or altered bytes
            throw MasterKeyException.doesNotMatch(id, e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String objectKey) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, secret, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((id + '\0' + objectKey).getBytes(UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }
}
