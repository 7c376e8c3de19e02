package com.qteria.document.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key ring: every master key that may have wrapped a stored data key, oldest first. The newest wraps new data
 * keys and is what rotation re-wraps under.
 * <p>
 * Configured as {@code qteria.storage.master-keys} ({@code QTERIA_MASTER_KEYS}): comma-separated
 * {@code keyId:base64} entries of 32 random bytes, the last one the newest. Invalid entries fail at startup,
 * naming the entry by position (and id, when that is valid) but never showing key material.
 * <p>
 * Decision: the key generated in the data directory (embedded default, no keys configured) is read lazily, on first
 * use, and is always part of the ring when its file exists — so documents stored before keys were configured stay
 * readable, and the application still starts (and reports itself unhealthy) when the data directory is unusable.
 */
public final class MasterKeys {

    private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);
    static final String PROPERTY = "qteria.storage.master-keys (QTERIA_MASTER_KEYS)";

    private final List<MasterKey> configured;
    private final GeneratedMasterKey generated;
    private final boolean mayGenerate;
    private volatile List<MasterKey> ring;

    private MasterKeys(List<MasterKey> configured, GeneratedMasterKey generated, boolean mayGenerate) {
        this.configured = List.copyOf(configured);
        this.generated = generated;
        this.mayGenerate = mayGenerate;
    }

    /** Exactly these keys, oldest first; for tests and tools. */
    public static MasterKeys of(MasterKey... keys) {
        if (keys.length == 0) {
            throw new IllegalArgumentException("At least one master key is needed");
        }
        return new MasterKeys(unique(List.of(keys)), null, false);
    }

    /** The configured keys; without any, the key generated in the data directory (created there when allowed). */
    public static MasterKeys load(String property, Path dataDir, boolean mayGenerate) {
        return new MasterKeys(parse(property), GeneratedMasterKey.in(dataDir), mayGenerate);
    }

    /** The entries of {@code qteria.storage.master-keys}, oldest first; blank means none. */
    public static List<MasterKey> parse(String property) {
        List<MasterKey> keys = new ArrayList<>();
        if (property == null || property.isBlank()) {
            return keys;
        }
        String[] entries = property.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            keys.add(parseEntry(entries[i].strip(), "entry " + (i + 1) + " of " + PROPERTY));
        }
        return unique(keys);
    }

    static MasterKey parseEntry(String entry, String where) {
        int colon = entry.indexOf(':');
        String id = colon < 0 ? "" : entry.substring(0, colon).strip();
        if (!MasterKey.isValidId(id)) {
            throw new IllegalArgumentException("Invalid master key in " + where + ": expected keyId:base64-key, the id "
                    + "being 1 to 32 letters, digits, '.', '_' or '-' (generate a key with: openssl rand -base64 32)");
        }
        byte[] material;
        try {
            material = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid master key '" + id + "' in " + where
                    + ": the key is not valid base64 (generate one with: openssl rand -base64 32)");
        }
        if (material.length != MasterKey.KEY_BYTES) {
            throw new IllegalArgumentException("Invalid master key '" + id + "' in " + where + ": the key is "
                    + material.length + " bytes, AES-256 needs 32 (generate one with: openssl rand -base64 32)");
        }
        return MasterKey.of(id, material);
    }

    /** Wraps new data keys; the last configured key. */
    public MasterKey newest() {
        List<MasterKey> keys = ring();
        return keys.get(keys.size() - 1);
    }

    /** The key with this id, or a {@link MasterKeyException} naming the id that is missing. */
    public MasterKey get(String id) {
        return ring().stream().filter(key -> key.id().equals(id)).findFirst()
                .orElseThrow(() -> MasterKeyException.notConfigured(id, ids()));
    }

    /** Key ids, oldest first. */
    public List<String> ids() {
        return ring().stream().map(MasterKey::id).toList();
    }

    private List<MasterKey> ring() {
        List<MasterKey> keys = ring;
        if (keys == null) {
            synchronized (this) {
                if (ring == null) {
                    ring = assemble();
                }
                keys = ring;
            }
        }
        return keys;
    }

    private List<MasterKey> assemble() {
        if (generated == null) {
            return configured;
        }
        try {
            Optional<MasterKey> existing = generated.read();
            if (configured.isEmpty()) {
                return List.of(existing.isPresent() ? warnStillGenerated(existing.get()) : generateOrFail());
            }
            List<MasterKey> keys = new ArrayList<>();
            existing.ifPresent(keys::add);
            keys.addAll(configured);
            return unique(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key in " + generated.file(), e);
        }
    }

    private MasterKey generateOrFail() throws IOException {
        if (!mayGenerate) {
            throw new IllegalStateException("No master key configured: set " + PROPERTY
                    + " to keyId:base64 entries (generate a key with: openssl rand -base64 32)");
        }
        MasterKey key = generated.create();
        log.warn("No master key configured, so Qteria generated master key '{}' into {}. Documents are encrypted, "
                + "but under a key that lies beside them in the data directory. Configure your own keys in {} "
                + "(generate one with: openssl rand -base64 32) and keep this file: documents stored under it stay "
                + "readable as long as it exists. See docs/storage.md.", key.id(), generated.file(), PROPERTY);
        return key;
    }

    private MasterKey warnStillGenerated(MasterKey key) {
        log.warn("No master key configured: documents are encrypted under master key '{}', generated into {}, beside "
                + "them in the data directory. Configure your own keys in {} (see docs/storage.md).",
                key.id(), generated.file(), PROPERTY);
        return key;
    }

    /**
     * Drops exact repeats (the generated key may also be configured); two different keys under one id would make
     * unwrapping ambiguous and fail instead.
     */
    private static List<MasterKey> unique(List<MasterKey> keys) {
        Map<String, MasterKey> byId = new LinkedHashMap<>();
        for (MasterKey key : keys) {
            MasterKey earlier = byId.get(key.id());
            if (earlier != null && !earlier.equals(key)) {
                throw new IllegalArgumentException("Master key id '" + key.id() + "' is used for two different keys; "
                        + "every key in " + PROPERTY + " needs an id of its own");
            }
            if (earlier != null) {
                byId.remove(key.id()); // a repeat moves to its later place: the last entry stays the newest
            }
            byId.put(key.id(), key);
        }
        return List.copyOf(byId.values());
    }
}
