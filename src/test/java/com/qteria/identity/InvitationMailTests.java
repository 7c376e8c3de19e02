package com.qteria.identity;

import static com.qteria.identity.InvitationTests.accept;
import static com.qteria.identity.InvitationTests.resend;
import static com.qteria.support.ApiRequests.tokenRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import com.qteria.support.MailServer;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Invitations with a mail server: a real SMTP server in-process (GreenMail) on a free port. */
@QteriaTest
class InvitationMailTests {

    static final int SMTP_PORT = MailServer.freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = MailServer.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        MailServer.configure(registry, SMTP_PORT);
    }

    /** No QTERIA_PUBLIC_URL in tests: links start with the port the server actually listens on (random here). */
    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;

    @Test
    void creatingAUserWithoutPasswordMailsThemExactlyOneWorkingLink() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String email = "invitee-" + TestData.unique() + "@example.com";
        MvcResult created = mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + tenant.adminToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"" + email + "\", \"name\": \"Ada\", \"role\": \"project_handler\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.invitation_url").doesNotExist())
                .andExpect(jsonPath("$.invitation_expires_at").exists())
                .andReturn();
        assertThat(created.getResponse().getContentAsString()).doesNotContain("/invitations/");

        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.getFirst();
        String organization = "Org " + tenant.admin().name().substring("Admin ".length());
        assertThat(mail.getSubject()).contains(organization).contains("Invitation").contains("Einladung");
        assertThat(MailServer.addresses(mail.getFrom())).containsExactly("Qteria <qteria@example.com>");
        assertThat(MailServer.addresses(mail.getReplyTo())).containsExactly(tenant.admin().email());
        String text = (String) mail.getContent();
        assertThat(text).contains("Hello Ada,", tenant.admin().name() + " (" + tenant.admin().email() + ") invited you",
                        organization, "The link works once and expires on ", " UTC", "Hallo Ada,",
                        "hat Sie eingeladen", "läuft am ")
                .satisfies(t -> assertThat(t.indexOf("Hello")).isLessThan(t.indexOf("Hallo")));

        System.err.println("MAILDUMP\n" + mail.getSubject() + "\n" + text + "\nMAILDUMP");
        String path = linkIn(text);
        mvc.perform(get(path)).andExpect(status().isOk());
        mvc.perform(accept(path, InvitationTests.NEW_PASSWORD, InvitationTests.NEW_PASSWORD))
                .andExpect(status().isFound());
        mvc.perform(tokenRequest(email, InvitationTests.NEW_PASSWORD, "10.2.0.1")).andExpect(status().isOk());
        mvc.perform(get(path)).andExpect(status().isGone());
        assertThat(mailsTo(email)).hasSize(1);
    }

    @Test
    void resendMailsANewLinkAndTheOldOneStopsWorking() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String email = "invitee-" + TestData.unique() + "@example.com";
        UUID id = create(tenant, email);
        String first = linkIn((String) mailsTo(email).getFirst().getContent());

        MvcResult resent = mvc.perform(resend(tenant.adminToken(), id))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.delivery").value("email"))
                .andExpect(jsonPath("$.invitation_url").doesNotExist())
                .andReturn();
        assertThat(resent.getResponse().getContentAsString()).doesNotContain("/invitations/");

        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(2);
        String second = linkIn((String) mails.get(1).getContent());
        assertThat(second).isNotEqualTo(first);
        mvc.perform(get(first)).andExpect(status().isGone());
        mvc.perform(get(second)).andExpect(status().isOk());
    }

    @Test
    void theUsersPageNeverShowsTheLinkWhenMailIsConfigured() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        var admin = authentication(UsernamePasswordAuthenticationToken.authenticated(tenant.admin(), null,
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        String email = "invitee-" + TestData.unique() + "@example.com";

        MvcResult created = mvc.perform(post("/admin/users").with(admin).with(csrf())
                        .param("name", "Grace").param("email", email).param("role", "PROCESS_MANAGER")
                        .param("password", ""))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "users.invitationMailed"))
                .andExpect(flash().attribute("noticeArgument", email))
                .andExpect(flash().attributeCount(2))
                .andReturn();
        String page = mvc.perform(get("/admin/users").with(admin).cookie(created.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("An invitation e-mail is on its way to " + email).doesNotContain("/invitations/");
        assertThat(mailsTo(email)).hasSize(1);
    }

    private UUID create(TestData.Tenant tenant, String email) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + tenant.adminToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"" + email + "\", \"name\": \"Invitee\", \"role\": \"project_handler\"}"))
                .andExpect(status().isCreated())
                .andReturn();
        return UUID.fromString(JsonPath.read(result.getResponse().getContentAsString(), "$.id"));
    }

    /** Sending happens after the commit, before the API call returns; no waiting needed. */
    private static List<MimeMessage> mailsTo(String email) {
        return MailServer.mailsTo(smtp, email);
    }

    private String linkIn(String text) {
        assertThat(port).isNotEqualTo(8080);
        Matcher matcher = Pattern.compile("http://localhost:" + port + "(/invitations/[A-Za-z0-9_-]{43})").matcher(text);
        assertThat(matcher.find()).as("a link in %s", text).isTrue();
        return matcher.group(1);
    }
}
