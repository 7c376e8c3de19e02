package com.qteria.assessment;

import com.qteria.assessment.command.AssessCommand;

/** The assessment module's command-line entry points, dispatched from the application's {@code main}. */
public final class AssessmentCommands {

    private AssessmentCommands() {
    }

    /**
     * {@code assess --workflow wf.json --doc bucket=file.pdf …}: one assessment in this process, no server, no
     * database, no Spring context; exit 0 pass, 1 fail, 2 needs review, 3 error.
     */
    public static int assess(String[] args) {
        return AssessCommand.run(args);
    }
}
