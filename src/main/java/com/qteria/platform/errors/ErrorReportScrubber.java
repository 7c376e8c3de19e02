package com.qteria.platform.errors;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What leaves the installation in an error report. Reports go to a third party, so they carry what finds a bug —
 * the kind of error, the stack, the log line as written in the code, the route, the request id — and nothing of what
 * the customer entrusted to us:
 * <ul>
 * <li>a log line's template is kept, its arguments (names, file names, quotes, addresses) are dropped;</li>
 * <li>an exception's message is kept with anything quoted, e-mail addresses, credentials in URLs, {@code key=value}
 *     secrets and token-like strings removed — parsers quote the text they choke on;</li>
 * <li>the request keeps method, path (share, invitation and reset tokens in it replaced) and a few harmless headers;
 *     no query string, body, cookies or other headers;</li>
 * <li>no user, no logging context beyond the tags, no extras, no breadcrumbs (those are log lines with their
 *     arguments).</li>
 * </ul>
 * The request id tag leads to the full story in the installation's own logs.
 */
public final class ErrorReportScrubber implements SentryOptions.BeforeSendCallback, SentryOptions.BeforeBreadcrumbCallback {

    static final String REMOVED = "[removed]";

    private static final Set<String> HEADERS = Set.of("user-agent", "accept", "accept-language", "content-type",
            "content-length", "x-request-id");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'|“[^”]*”|„[^“”]*[“”]|‘[^’]*’|«[^»]*»|`[^`]*`");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)[^/\\s:@]+:[^/\\s@]+@");
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|secret|token|api[_-]?key|key|authorization|credentials?)(\\s*[=:]\\s*)(?:(?:bearer|basic)\\s+)?[^\\s,;)]+"
                    + "|\\b(bearer|basic)(\\s+)[^\\s,;)]+");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** 24 or more letters, digits, {@code - _ + =} with at least one digit and one letter: a token, a key, a hash. */
    private static final Pattern TOKEN_LIKE = Pattern.compile(
            "(?<![A-Za-z0-9_\\-+=])(?=[A-Za-z0-9_\\-+=]*\\d)(?=[A-Za-z0-9_\\-+=]*[A-Za-z])[A-Za-z0-9_\\-+=]{24,}");

    @Override
    public SentryEvent execute(SentryEvent event, Hint hint) {
        Message message = event.getMessage();
        if (message != null) {
            message.setFormatted(null);
            message.setParams(null);
        }
        if (event.getExceptions() != null) {
            for (SentryException exception : event.getExceptions()) {
                exception.setValue(scrub(exception.getValue()));
            }
        }
        Request request = event.getRequest();
        if (request != null) {
            event.setRequest(scrub(request));
        }
        event.setUser(null);
        event.setExtras(null);
        event.setBreadcrumbs(null);
        event.getContexts().remove("MDC");
        return event;
    }

    @Override
    public Breadcrumb execute(Breadcrumb breadcrumb, Hint hint) {
        return null;
    }

    /** An exception's or any free text's message without what could be the customer's text or a secret. */
    static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = QUOTED.matcher(text).replaceAll(REMOVED);
        scrubbed = URL_CREDENTIALS.matcher(scrubbed).replaceAll(REMOVED + "@");
        scrubbed = EMAIL.matcher(scrubbed).replaceAll(REMOVED);
        scrubbed = SECRET_PAIR.matcher(scrubbed).replaceAll(m -> m.group(1) != null
                ? m.group(1) + m.group(2) + REMOVED : m.group(3) + m.group(4) + REMOVED);
        return replaceTokens(scrubbed);
    }

    /** A request path with every segment that is a secret (a share link's token, an invitation's) replaced. */
    static String scrubPath(String url) {
        if (url == null) {
            return null;
        }
        String path = url.replaceFirst("[?#].*$", "");
        return replaceTokens(URL_CREDENTIALS.matcher(path).replaceAll(REMOVED + "@"));
    }

    private static String replaceTokens(String text) {
        return TOKEN_LIKE.matcher(text).replaceAll(m -> UUID.matcher(m.group()).matches() ? m.group() : REMOVED);
    }

    private static Request scrub(Request request) {
        Request kept = new Request();
        kept.setMethod(request.getMethod());
        kept.setUrl(scrubPath(request.getUrl()));
        if (request.getHeaders() != null) {
            Map<String, String> headers = new LinkedHashMap<>();
            request.getHeaders().forEach((name, value) -> {
                if (HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.put(name, value);
                }
            });
            kept.setHeaders(headers);
        }
        return kept;
    }
}
