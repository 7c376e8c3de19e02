package com.qteria.document;

import java.nio.file.Path;

/** A file received from a client, already on local disk, with the name the client gave it (for display only). */
public record Upload(String clientFilename, Path file) {
}
