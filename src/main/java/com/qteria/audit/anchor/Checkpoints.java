package com.qteria.audit.anchor;

import com.qteria.document.storage.DocumentStore;
import com.qteria.platform.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each chain's head, sealed, to the document store — outside the database, so that entries removed or
 * rewritten up to a checkpoint are detected by {@code verify} even by someone who controls the database. Taken at
 * start (which anchors entries written before sealing existed) and every {@code qteria.audit.checkpoint-interval}
 * for chains that grew. Each checkpoint is kept as {@code audit/checkpoints/<chain>/<seq>.json}, and the newest also
 * as {@code latest.json}, which {@code verify} reads. Several instances may write the same checkpoint: harmless.
 */
@Component
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final JdbcClient jdbc;
    private final DocumentStore store;
    private final AuditKey key;
    private final JsonMapper json;
    private final Clock clock;
    private final Path temporary;

    Checkpoints(JdbcClient jdbc, DocumentStore store, AuditKey key, JsonMapper json, Clock clock,
            DataDirectory dataDirectory) {
        this.jdbc = jdbc;
        this.store = store;
        this.key = key;
        this.json = json;
        this.clock = clock;
        this.temporary = dataDirectory.temporary();
    }

    /** The newest checkpoint of the chain, as stored; not yet checked against the key. */
    public Optional<Checkpoint> latest(String chain) {
        try (InputStream in = store.get(latestKey(chain))) {
            return Optional.of(json.readValue(in, Checkpoint.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JacksonException e) {
            // Unreadable counts as present but unsealed: verify then reports it rather than ignoring it.
            return Optional.of(new Checkpoint(chain, 0, null, 1, null, null));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoint of chain " + chain, e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${qteria.audit.checkpoint-interval}",
            initialDelayString = "${qteria.audit.checkpoint-interval}")
    public void takeAll() {
        List<String> chains = jdbc.sql("select chain from audit_chain_heads order by chain").query(String.class).list();
        int taken = 0;
        for (String chain : chains) {
            try {
                taken += take(chain) ? 1 : 0;
            } catch (RuntimeException e) {
                log.error("Could not write the audit checkpoint of chain {}; will try again", chain, e);
            }
        }
        if (taken > 0) {
            log.info("Wrote {} audit checkpoint(s) to {}", taken, store.describe());
        }
    }

    /** Writes a checkpoint of the chain's head unless the newest one already covers it; true when written. */
    public boolean take(String chain) {
        Optional<Head> head = jdbc.sql("select seq, hash from audit_chain_heads where chain = :chain")
                .param("chain", chain).query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash"))).optional();
        if (head.isEmpty()) {
            return false;
        }
        Optional<Checkpoint> latest = latest(chain).filter(checkpoint -> checkpoint.holds(key));
        if (latest.isPresent() && latest.get().seq() >= head.get().seq()) {
            return false;
        }
        long sealedFrom = latest.map(Checkpoint::sealedFrom).orElseGet(() -> firstSealed(chain, head.get().seq()));
        write(Checkpoint.sealed(key, chain, head.get().seq(), head.get().hash(), sealedFrom,
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
        return true;
    }

    private long firstSealed(String chain, long headSeq) {
        return jdbc.sql("select coalesce(min(seq), :after) from audit_events where chain = :chain and seal is not null")
                .param("chain", chain).param("after", headSeq + 1).query(Long.class).single();
    }

    private void write(Checkpoint checkpoint) {
        try {
            Files.createDirectories(temporary);
            Path file = Files.createTempFile(temporary, "checkpoint", ".json");
            try {
                Files.write(file, json.writeValueAsBytes(checkpoint));
                store.put(prefix(checkpoint.chain()) + String.format("%020d", checkpoint.seq()) + ".json", file);
                store.put(latestKey(checkpoint.chain()), file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit checkpoint of chain " + checkpoint.chain(), e);
        }
    }

    private static String prefix(String chain) {
        return "audit/checkpoints/" + chain + "/";
    }

    private static String latestKey(String chain) {
        return prefix(chain) + "latest.json";
    }

    private record Head(long seq, String hash) {
    }
}
