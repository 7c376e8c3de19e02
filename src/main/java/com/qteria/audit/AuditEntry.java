package com.qteria.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One entry of a chain. Its hash covers the previous entry's hash and every field of its own, so changing,
 * removing or reordering any entry breaks the chain from that point on.
 */
public record AuditEntry(UUID id, String chain, long seq, UUID organizationId, Instant at, String actor,
        String action, String resourceType, String resourceId, String ip, String details, String prevHash,
        String hash) {

    /** The hash of the chain before its first entry. */
    public static final String GENESIS = "0".repeat(64);

    public String computeHash() {
        String content = String.join("\n", prevHash, id.toString(), chain, Long.toString(seq),
                organizationId == null ? "" : organizationId.toString(), at.toString(), actor, action,
                nullToEmpty(resourceType), nullToEmpty(resourceId), nullToEmpty(ip), details);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
