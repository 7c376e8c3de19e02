package com.qteria.document;

import com.qteria.document.extraction.ExtractCommand;
import com.qteria.document.keys.KeysCommand;

/** The document module's command-line entry points, dispatched from the application's {@code main}. */
public final class DocumentCommands {

    private DocumentCommands() {
    }

    /** {@code extract file.pdf}: what Qteria reads, one JSON line per page; starts no Spring context. */
    public static int extract(String[] args) {
        return ExtractCommand.run(args);
    }

    /** {@code keys rotate}: re-wraps data keys under the newest master key, in the given application's context. */
    public static int keys(String[] args, Class<?> application) {
        return KeysCommand.run(args, application);
    }
}
