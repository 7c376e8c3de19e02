package com.qteria;

import java.util.List;

/** What {@code java -jar qteria.jar --help} prints: how to serve and the commands, in one screen. */
final class Usage {

    static final String TEXT = """
            Usage: java -jar qteria.jar [--role=web|worker|both]    Serve on PORT (default 8080) until stopped.
                   java -jar qteria.jar <command> …
                   java -jar qteria.jar --help                      Print this help.

            Serving:
              --role=web|worker|both    What this instance does (QTERIA_ROLE, default both): web answers requests,
                                        worker reads documents and runs assessments.

            Commands (none of them serves):
              db migrate | db rollback <n> | db status
                                        Apply, roll back or show the database changesets.
              keys rotate               Re-wrap every document's key with the newest master key.
              extract <file.pdf|file.docx> [--max-pages n] [--timeout-seconds s]
                                        Print what Qteria reads from a document, one JSON line per page.
              assess --workflow <workflow.json|.yaml> --doc <bucket>=<file.pdf> [--doc …]
                     [--as-of YYYY-MM-DD] [--format json|text]
                                        Run one assessment locally. Exit code: 0 pass, 1 fail, 2 needs review,
                                        3 error.

            Configuration comes from environment variables (PORT, DATABASE_URL, QTERIA_DATA_DIR, QTERIA_PUBLIC_URL,
            QTERIA_LOG_FORMAT, …); README.md lists them all.
            """;

    private static final List<String> FLAGS = List.of("--help", "-h", "help");

    private Usage() {
    }

    static boolean asked(String[] args) {
        return args.length > 0 && FLAGS.contains(args[0]);
    }
}
