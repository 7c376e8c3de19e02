package com.qteria.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of PRODUCT.md ("The look") that a machine can check on a rendered page: one heading, the language
 * declared, no sideways scrolling, every control labelled, buttons and fields at least 44 px high, all text at least 4.5:1 contrast,
 * everything reachable with the Tab key and showing a focus ring when reached, and nothing refused by the
 * Content-Security-Policy or failing in the console. And axe-core (WCAG 2.1 A and AA rules) finds no serious or
 * critical violation, at 1440 and at 390 px wide (a desktop and a phone).
 */
public final class PageChecks {

    private static final String STATIC_RULES = """
            () => {
              const issues = [];
              const visible = el => {
                const s = getComputedStyle(el), r = el.getBoundingClientRect();
                return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0;
              };
              const name = el => (el.getAttribute('data-testid') || el.id || el.textContent.trim().slice(0, 40)
                  || el.outerHTML.slice(0, 60));
              if (document.querySelectorAll('h1').length !== 1) {
                issues.push('expected exactly one h1, found ' + document.querySelectorAll('h1').length);
              }
              if (!document.documentElement.lang) issues.push('html has no lang attribute');
              if (!document.title.includes('Qteria')) issues.push('title does not name Qteria: ' + document.title);
              if (document.documentElement.scrollWidth > window.innerWidth) {
                issues.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + 'px wide');
              }
              for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
                if (el.labels.length === 0 && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')) {
                  issues.push('control without label: ' + name(el));
                }
              }
              for (const el of document.querySelectorAll('button, .button, input:not([type=hidden]), select')) {
                if (visible(el) && el.getBoundingClientRect().height < 44) {
                  issues.push('smaller than 44px: ' + name(el) + ' (' + el.getBoundingClientRect().height + 'px)');
                }
              }
              const parse = c => {
                const m = c.match(/rgba?\\(([^)]+)\\)/);
                if (!m) return null;
                const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
                return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
              };
              const luminance = c => {
                const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
              };
              const background = el => {
                for (let e = el; e; e = e.parentElement) {
                  const c = parse(getComputedStyle(e).backgroundColor);
                  if (c && c.a > 0) return c;
                }
                return {r: 255, g: 255, b: 255, a: 1};
              };
              for (const el of document.querySelectorAll('body *')) {
                const text = [...el.childNodes].filter(n => n.nodeType === Node.TEXT_NODE)
                    .map(n => n.textContent.trim()).join(' ').trim();
                const r = el.getBoundingClientRect();
                if (!text || !visible(el) || r.right < 0 || r.bottom < 0) continue;
                const fg = parse(getComputedStyle(el).color), bg = background(el);
                if (!fg) continue;
                const mixed = {r: fg.r * fg.a + bg.r * (1 - fg.a), g: fg.g * fg.a + bg.g * (1 - fg.a),
                               b: fg.b * fg.a + bg.b * (1 - fg.a)};
                const [hi, lo] = [luminance(mixed), luminance(bg)].sort((x, y) => y - x);
                const ratio = (hi + 0.05) / (lo + 0.05);
                if (ratio < 4.5) issues.push('contrast ' + ratio.toFixed(2) + ':1 for "' + text.slice(0, 40) + '"');
              }
              return issues;
            }""";

    private static final String MARK_FOCUSABLE = """
            () => {
              const all = [...document.querySelectorAll(
                  'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea')]
                  .filter(el => getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden')
                  // inside a closed section ([hidden], a closed <details>) nothing is focusable
                  .filter(el => el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0);
              all.forEach((el, i) => el.setAttribute('data-focus-check', String(i)));
              return all.length;
            }""";

    private static final String FOCUSED = """
            () => {
              const el = document.activeElement;
              if (!el || !el.hasAttribute('data-focus-check')) return null;
              const s = getComputedStyle(el);
              const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
              return el.getAttribute('data-focus-check') + '|' + ring + '|'
                  + (el.getAttribute('data-testid') || el.id || el.textContent.trim().slice(0, 40));
            }""";

    private static final String UNREACHED = """
            reached => [...document.querySelectorAll('[data-focus-check]')]
                .filter(el => !reached.includes(el.getAttribute('data-focus-check')))
                .map(el => el.getAttribute('data-testid') || el.id || el.textContent.trim().slice(0, 40))""";

    /** axe-core as its Java wrapper for Playwright bundles it; only the script is used. */
    private static final String AXE = axeSource();

    private static final String AXE_RUN = """
            async () => {
              const result = await axe.run(document, {runOnly: {type: 'tag',
                  values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']});
              return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — '
                      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
            }""";

    private static final int[] WIDTHS = {1440, 390};

    private PageChecks() {
    }

    private static String axeSource() {
        try (var in = PageChecks.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:playwright)");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** axe-core's serious and critical violations on the page as it is now, at each of {@link #WIDTHS}. */
    static List<String> accessibilityViolations(Page page) {
        var size = page.viewportSize();
        List<String> found = new ArrayList<>();
        try {
            if (!Boolean.TRUE.equals(page.evaluate("() => typeof axe !== 'undefined'"))) {
                page.evaluate(AXE); // evaluated by the browser's debugging protocol, which the page's CSP does not govern
            }
            for (int width : WIDTHS) {
                page.setViewportSize(width, size.height);
                @SuppressWarnings("unchecked")
                List<String> violations = (List<String>) page.evaluate(AXE_RUN);
                violations.forEach(violation -> found.add(width + " px: " + violation));
            }
        } finally {
            page.setViewportSize(size.width, size.height);
        }
        return found;
    }

    /** Asserts every rule on the page as it is now; the page is left where it was, focus aside. */
    public static void assertUsable(Browser browser, Page page) {
        // Measure the page as a person sees it: after its stylesheets and scripts have loaded.
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        List<String> issues = new ArrayList<>(browser.problems(page));
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) page.evaluate(STATIC_RULES);
        issues.addAll(found);
        issues.addAll(keyboardIssues(page));
        issues.addAll(accessibilityViolations(page));
        assertThat(issues).as("what a person would stumble over on %s", page.url()).isEmpty();
    }

    private static List<String> keyboardIssues(Page page) {
        int focusable = ((Number) page.evaluate(MARK_FOCUSABLE)).intValue();
        List<String> issues = new ArrayList<>();
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 2 * focusable + 2; i++) {
            page.keyboard().press("Tab");
            Object focused = page.evaluate(FOCUSED);
            if (focused instanceof String description) {
                String[] parts = description.split("\\|", 3);
                reached.add(parts[0]);
                if (!Boolean.parseBoolean(parts[1])) {
                    issues.add("no visible focus ring on " + parts[2]);
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<String> unreached = (List<String>) page.evaluate(UNREACHED, reached);
        unreached.forEach(name -> issues.add("not reachable with Tab: " + name));
        return issues.stream().distinct().toList();
    }
}
