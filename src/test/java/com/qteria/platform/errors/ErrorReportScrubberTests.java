package com.qteria.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorReportScrubberTests {

    private final ErrorReportScrubber scrubber = new ErrorReportScrubber();

    @Test
    void quotedTextAddressesCredentialsAndTokensLeaveAnExceptionMessage() {
        assertThat(ErrorReportScrubber.scrub("Text 'Prüfbericht vom 3. März' could not be parsed at index 0"))
                .isEqualTo("Text [removed] could not be parsed at index 0");
        assertThat(ErrorReportScrubber.scrub("For input string: \"12,5 kV\" and „Zertifikat“ and “quoted”"))
                .isEqualTo("For input string: [removed] and [removed] and [removed]");
        assertThat(ErrorReportScrubber.scrub("mail to anna.müller@tüv.example failed"))
                .doesNotContain("example").contains("[removed]");
        // secretlint-disable-next-line -- a made-up password: the scrubber must remove it
        assertThat(ErrorReportScrubber.scrub("jdbc:postgresql://qteria:s3cret-Pa55@db:5432/qteria refused"))
                .isEqualTo("jdbc:postgresql://[removed]@db:5432/qteria refused");
        assertThat(ErrorReportScrubber.scrub("password=hunter2, api_key: abc123; Authorization: Bearer eyJhbGci.x.y"))
                .isEqualTo("password=[removed], api_key: [removed]; Authorization: [removed]");
        assertThat(ErrorReportScrubber.scrub("share Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg unknown"))
                .isEqualTo("share [removed] unknown");
    }

    @Test
    void whatFindsABugStays() {
        String message = "Document 0b7c7a3e-2f6e-4a8e-9d8e-5f1b0a1c2d3e not found; "
                + "DataIntegrityViolationException in com.qteria.document.persistence.Documents after 30000 ms";
        assertThat(ErrorReportScrubber.scrub(message)).isEqualTo(message);
    }

    @Test
    void aPathKeepsItsShapeWithoutItsSecrets() {
        assertThat(ErrorReportScrubber.scrubPath(
                "https://qteria.example/s/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg/report.pdf?lang=de#top"))
                .isEqualTo("https://qteria.example/s/[removed]/report.pdf");
        assertThat(ErrorReportScrubber.scrubPath("/assessments/0b7c7a3e-2f6e-4a8e-9d8e-5f1b0a1c2d3e/report.pdf"))
                .isEqualTo("/assessments/0b7c7a3e-2f6e-4a8e-9d8e-5f1b0a1c2d3e/report.pdf");
    }

    @Test
    void anEventKeepsTheTemplateTheRouteAndHarmlessHeadersOnly() {
        SentryEvent event = new SentryEvent();
        Message message = new Message();
        message.setMessage("Reading document {} failed");
        message.setFormatted("Reading document Prüfbericht.pdf failed");
        message.setParams(List.of("Prüfbericht.pdf"));
        event.setMessage(message);
        Request request = new Request();
        request.setMethod("POST");
        request.setUrl("https://qteria.example/invitations/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg");
        request.setQueryString("token=abc");
        request.setData("{\"password\": \"hunter2\"}");
        request.setCookies("SESSION=abc");
        request.setHeaders(Map.of("Authorization", "Bearer abc", "Accept-Language", "de", "X-Api-Key", "abc"));
        event.setRequest(request);
        User user = new User();
        user.setEmail("anna@example.com");
        event.setUser(user);
        event.setExtra("text", "Prüfbericht");
        event.getContexts().put("MDC", Map.of("org_id", "x"));
        event.setBreadcrumbs(List.of(new Breadcrumb("Uploaded Prüfbericht.pdf")));

        SentryEvent sent = scrubber.execute(event, new Hint());

        assertThat(sent.getMessage().getMessage()).isEqualTo("Reading document {} failed");
        assertThat(sent.getMessage().getFormatted()).isNull();
        assertThat(sent.getMessage().getParams()).isNull();
        assertThat(sent.getRequest().getMethod()).isEqualTo("POST");
        assertThat(sent.getRequest().getUrl()).isEqualTo("https://qteria.example/invitations/[removed]");
        assertThat(sent.getRequest().getQueryString()).isNull();
        assertThat(sent.getRequest().getData()).isNull();
        assertThat(sent.getRequest().getCookies()).isNull();
        assertThat(sent.getRequest().getHeaders()).containsOnlyKeys("Accept-Language");
        assertThat(sent.getUser()).isNull();
        assertThat(sent.getExtras()).isNullOrEmpty();
        assertThat(sent.getContexts().get("MDC")).isNull();
        assertThat(sent.getBreadcrumbs()).isNullOrEmpty();
        assertThat(scrubber.execute(new Breadcrumb("Uploaded Prüfbericht.pdf"), new Hint())).isNull();
    }
}
