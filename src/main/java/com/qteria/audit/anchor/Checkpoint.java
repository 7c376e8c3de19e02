package com.qteria.audit.anchor;

import java.time.Instant;

/**
 * A chain's head as it stood at a moment, sealed with the audit key and kept outside the database: entry {@code seq}
 * had hash {@code hash}. {@code sealedFrom} is the first entry that carries a seal of its own (entries before it were
 * written before sealing existed and are vouched for by the chain up to this checkpoint alone).
 */
public record Checkpoint(String chain, long seq, String hash, long sealedFrom, Instant at, String seal) {

    static Checkpoint sealed(AuditKey key, String chain, long seq, String hash, long sealedFrom, Instant at) {
        return new Checkpoint(chain, seq, hash, sealedFrom, at, key.seal(text(chain, seq, hash, sealedFrom, at)));
    }

    /** Whether the seal was made with this key over exactly these fields. */
    public boolean holds(AuditKey key) {
        return chain != null && hash != null && at != null && key.holds(text(chain, seq, hash, sealedFrom, at), seal);
    }

    private static String text(String chain, long seq, String hash, long sealedFrom, Instant at) {
        return String.join("\n", "qteria-audit-checkpoint", chain, Long.toString(seq), hash,
                Long.toString(sealedFrom), at.toString());
    }
}
