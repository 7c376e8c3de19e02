package com.qteria.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The accessibility check itself: axe-core runs and reports what it should, at both widths. */
class PageChecksTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void axeReportsSeriousAndCriticalViolationsAtBothWidthsAndRestoresTheViewport() {
        Page page = browser.open(1); // no server: the page's content is set below
        page.setContent("""
                <!doctype html><html lang="en"><head><title>Qteria</title></head><body><main><h1>Broken</h1>
                <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                <button></button>
                <p style="color:#bbb;background:#fff">Hard to read</p></main></body></html>""");
        var before = page.viewportSize();

        var violations = PageChecks.accessibilityViolations(page);

        assertThat(violations).anyMatch(v -> v.startsWith("1440 px: critical image-alt"))
                .anyMatch(v -> v.startsWith("390 px: critical button-name"))
                .anyMatch(v -> v.contains("serious color-contrast"));
        assertThat(page.viewportSize().width).isEqualTo(before.width);

        page.setContent("""
                <!doctype html><html lang="en"><head><title>Qteria</title></head><body><main><h1>Fine</h1>
                <p>Readable text.</p><button type="button">Save</button></main></body></html>""");
        assertThat(PageChecks.accessibilityViolations(page)).isEmpty();
    }
}
