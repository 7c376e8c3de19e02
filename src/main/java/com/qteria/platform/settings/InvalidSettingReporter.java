package com.qteria.platform.settings;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Prints invalid settings on standard error as their plain lines, whatever the log format: with JSON logs (the
 * default) Spring Boot's own report is one JSON record with the explanation inside, not a line to read at a glance.
 */
class InvalidSettingReporter implements FailureAnalysisReporter {

    @Override
    public void report(FailureAnalysis analysis) {
        if (analysis instanceof InvalidSettings) {
            System.err.println(analysis.getDescription());
        }
    }
}
