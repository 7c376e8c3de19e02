package com.qteria.document.storage;

import com.qteria.platform.SecretFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;

/**
 * The master key of the embedded default, in {@code <data-dir>/keys/master.key} as one {@code keyId:base64} line
 * (the format of {@code qteria.storage.master-keys}), created once and owner-only ({@link SecretFile}).
 */
record GeneratedMasterKey(SecretFile secret) {

    static GeneratedMasterKey in(Path dataDir) {
        return new GeneratedMasterKey(SecretFile.in(dataDir, "master.key"));
    }

    Path file() {
        return secret.file();
    }

    Optional<MasterKey> read() throws IOException {
        return secret.read().map(line -> MasterKeys.parseEntry(line, "the key file " + file()));
    }

    MasterKey create() throws IOException {
        String line = secret.createOnce(() -> {
            MasterKey key = MasterKey.generate("generated-"
                    + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(ZonedDateTime.now(ZoneOffset.UTC)));
            return key.id() + ":" + Base64.getEncoder().encodeToString(key.secret().getEncoded());
        });
        return MasterKeys.parseEntry(line, "the key file " + file());
    }
}
