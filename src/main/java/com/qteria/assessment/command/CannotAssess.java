package com.qteria.assessment.command;

/** Why the command cannot run an assessment at all (exit 3): a usage error, an invalid workflow, a missing file. */
final class CannotAssess extends Exception {

    private final boolean usage;

    CannotAssess(String message) {
        this(message, false);
    }

    private CannotAssess(String message, boolean usage) {
        super(message, null, false, false);
        this.usage = usage;
    }

    /** The command line itself is wrong: the usage is shown after the message. */
    static CannotAssess usage(String message) {
        return new CannotAssess(message, true);
    }

    boolean usage() {
        return usage;
    }
}
