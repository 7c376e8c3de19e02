package com.qteria.platform.settings;

import java.util.List;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Settings that stop the start, one plain line each (see {@link InvalidSettingFailureAnalyzer}). */
final class InvalidSettings extends FailureAnalysis {

    InvalidSettings(List<String> lines, Throwable cause) {
        super(String.join(System.lineSeparator(), lines),
                "Correct the setting, or unset it to use the default. README.md lists every setting.", cause);
    }
}
