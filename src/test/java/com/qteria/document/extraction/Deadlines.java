package com.qteria.document.extraction;

import java.time.Duration;

/** Deadlines for tests of the extraction's internals in other packages ({@link Deadline#after} is package-private). */
public final class Deadlines {

    private Deadlines() {
    }

    public static Deadline after(Duration limit) {
        return Deadline.after(limit);
    }
}
