package com.qteria.assessment.command;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The parsed command line of {@code assess}. */
record Invocation(Path workflow, List<DocumentArgument> documents, LocalDate asOf, Format format) {

    static final String USAGE = """
            Usage: java -jar qteria.jar assess --workflow <workflow.json|.yaml> --doc <bucket>=<file.pdf> [--doc …]
                                               [--as-of YYYY-MM-DD] [--format json|text]
            Exit code: 0 pass, 1 fail, 2 needs review, 3 error.""";

    private static final Set<String> OPTIONS = Set.of("--workflow", "--doc", "--as-of", "--format");

    enum Format { JSON, TEXT }

    /** One {@code --doc bucket=file}. */
    record DocumentArgument(String bucket, Path file) {
    }

    /** Options as {@code --name value} or {@code --name=value}; {@code asOf} defaults to {@code today}. */
    static Invocation parse(String[] args, LocalDate today) throws CannotAssess {
        if (args.length == 0 || !"assess".equals(args[0])) {
            throw CannotAssess.usage("The first argument must be assess.");
        }
        Path workflow = null;
        List<DocumentArgument> documents = new ArrayList<>();
        LocalDate asOf = today;
        Format format = Format.JSON;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            int equals = option.startsWith("--") ? option.indexOf('=') : -1;
            String name = equals > 0 ? option.substring(0, equals) : option;
            if (!OPTIONS.contains(name)) {
                throw CannotAssess.usage(name.startsWith("--") ? "Unknown option " + name + "." : "Unexpected " + name + ".");
            }
            if (equals < 0 && i + 1 >= args.length) {
                throw CannotAssess.usage(name + " needs a value.");
            }
            String value = equals > 0 ? option.substring(equals + 1) : args[++i];
            switch (name) {
                case "--workflow" -> workflow = Path.of(value);
                case "--doc" -> documents.add(document(value));
                case "--as-of" -> asOf = date(value);
                case "--format" -> format = format(value);
                default -> throw new IllegalStateException(name);
            }
        }
        if (workflow == null) {
            throw CannotAssess.usage("Name the workflow with --workflow <file>.");
        }
        return new Invocation(workflow, List.copyOf(documents), asOf, format);
    }

    private static DocumentArgument document(String value) throws CannotAssess {
        int equals = value.indexOf('=');
        if (equals <= 0 || equals == value.length() - 1) {
            throw CannotAssess.usage("--doc takes <bucket>=<file>, not " + value + ".");
        }
        return new DocumentArgument(value.substring(0, equals).strip(), Path.of(value.substring(equals + 1)));
    }

    private static LocalDate date(String value) throws CannotAssess {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw CannotAssess.usage("--as-of takes a date as YYYY-MM-DD, not " + value + ".");
        }
    }

    private static Format format(String value) throws CannotAssess {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "json" -> Format.JSON;
            case "text" -> Format.TEXT;
            default -> throw CannotAssess.usage("--format is json or text, not " + value + ".");
        };
    }
}
