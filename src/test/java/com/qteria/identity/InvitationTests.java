package com.qteria.identity;

import static com.qteria.support.ApiRequests.tokenRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.identity.persistence.Invitations;
import com.qteria.support.MutableClock;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Invitations without a mail server (the embedded default): the admin is shown the link once and passes it on. */
@QteriaTest
class InvitationTests {

    static final String NEW_PASSWORD = "a fresh password of my own";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Invitations invitations;

    @Test
    void withoutAMailServerTheCreateAnswerCarriesTheLinkOnce() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        Instant before = clock.instant();
        Invited invited = invite(tenant);

        assertThat(invited.url()).matches(publicUrl() + "/invitations/[A-Za-z0-9_-]{43}");
        assertThat(invited.expiresAt()).isBetween(before.plus(Duration.ofDays(7)).minusSeconds(1),
                clock.instant().plus(Duration.ofDays(7)));
        mvc.perform(get("/api/v1/users/" + invited.id()).header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.invitation_url").doesNotExist());
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(content().string(Matchers.not(Matchers.containsString(invited.secret()))));

        String stored = jdbc.sql("select secret_hash from invitations where user_id = :user")
                .param("user", invited.id()).query(String.class).single();
        assertThat(stored).isEqualTo(sha256(invited.secret())).doesNotContain(invited.secret());
    }

    @Test
    void theLinkSetsThePasswordSignsTheInviteeInAndWorksOnce() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        Invited invited = invite(tenant);

        mvc.perform(get(invited.path()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(invited.email())))
                .andExpect(content().string(Matchers.containsString("Org ")))
                .andExpect(content().string(Matchers.containsString("Set password and sign in")));
        mvc.perform(get(invited.path()).header("Accept-Language", "de"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Passwort festlegen und anmelden")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("??"))));

        MvcResult accepted = mvc.perform(accept(invited.path(), NEW_PASSWORD, NEW_PASSWORD))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andReturn();
        Cookie session = accepted.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(invited.email())));
        mvc.perform(tokenRequest(invited.email(), NEW_PASSWORD, "10.1.0.1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.access_token").exists());

        mvc.perform(get(invited.path()))
                .andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("This link is no longer valid")));
        mvc.perform(accept(invited.path(), "someone else's password", "someone else's password"))
                .andExpect(status().isGone());
        mvc.perform(tokenRequest(invited.email(), "someone else's password", "10.1.0.2"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        Invited invited = invite(data.newTenant());
        clock.advance(Duration.ofDays(7).plusMinutes(1));

        mvc.perform(get(invited.path())).andExpect(status().isGone());
        mvc.perform(accept(invited.path(), NEW_PASSWORD, NEW_PASSWORD)).andExpect(status().isGone());
        mvc.perform(tokenRequest(invited.email(), NEW_PASSWORD, "10.1.1.1")).andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownLinkIsNotFound() throws Exception {
        data.newTenant();
        mvc.perform(get("/invitations/not-a-secret"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("Ask an admin of your organization")));
        mvc.perform(get("/invitations/" + "A".repeat(43)).header("Accept-Language", "de"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("Dieser Link ist nicht mehr gültig")));
    }

    @Test
    void thePasswordMustBeLongEnoughAndRepeated() throws Exception {
        Invited invited = invite(data.newTenant());

        mvc.perform(accept(invited.path(), NEW_PASSWORD, NEW_PASSWORD + "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("The passwords do not match.")));
        mvc.perform(accept(invited.path(), "too short", "too short"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Use at least 12 characters.")));
        mvc.perform(get(invited.path())).andExpect(status().isOk());
    }

    @Test
    void resendInvalidatesTheOldLink() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        Invited first = invite(tenant);

        MvcResult resent = mvc.perform(resend(tenant.adminToken(), first.id()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.user_id").value(first.id().toString()))
                .andExpect(jsonPath("$.delivery").value("link"))
                .andExpect(jsonPath("$.expires_at").exists())
                .andReturn();
        String second = JsonPath.read(resent.getResponse().getContentAsString(), "$.invitation_url");

        assertThat(second).startsWith(publicUrl() + "/invitations/").isNotEqualTo(first.url());
        mvc.perform(get(first.path())).andExpect(status().isGone());
        mvc.perform(accept(first.path(), NEW_PASSWORD, NEW_PASSWORD)).andExpect(status().isGone());
        mvc.perform(accept(second.substring(publicUrl().length()), NEW_PASSWORD, NEW_PASSWORD))
                .andExpect(status().isFound());
    }

    @Test
    void resendIsRefusedForUsersWithAPasswordOrDeactivated() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String admin = tenant.adminToken();
        CurrentUser withPassword = tenant.user(Role.PROJECT_HANDLER);
        mvc.perform(resend(admin, withPassword.id()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONFLICT"));

        Invited invited = invite(tenant);
        mvc.perform(delete("/api/v1/users/" + invited.id()).header("Authorization", "Bearer " + admin))
                .andExpect(status().isNoContent());
        mvc.perform(resend(admin, invited.id())).andExpect(status().isConflict());
        mvc.perform(get(invited.path())).andExpect(status().isGone());

        Invited accepted = invite(tenant);
        mvc.perform(accept(accepted.path(), NEW_PASSWORD, NEW_PASSWORD)).andExpect(status().isFound());
        mvc.perform(resend(admin, accepted.id())).andExpect(status().isConflict());
    }

    @Test
    void anotherTenantsUserIsNotFound() throws Exception {
        Invited foreign = invite(data.newTenant());
        mvc.perform(resend(data.newTenant().adminToken(), foreign.id()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get(foreign.path())).andExpect(status().isOk());
    }

    @Test
    void onlyAdminsMayResend() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        Invited invited = invite(tenant);
        mvc.perform(resend(tenant.tokenOf(Role.PROJECT_HANDLER), invited.id()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("INSUFFICIENT_PERMISSIONS"));
        mvc.perform(resend(tenant.tokenOf(Role.PROCESS_MANAGER), invited.id())).andExpect(status().isForbidden());
        mvc.perform(get(invited.path())).andExpect(status().isOk());
    }

    @Test
    void invitingAndAcceptingAreAuditedWithoutTheSecret() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        Invited invited = invite(tenant);
        mvc.perform(accept(invited.path(), NEW_PASSWORD, NEW_PASSWORD)).andExpect(status().isFound());

        List<String> actions = jdbc.sql("select action from audit_events where resource_id = :user order by seq")
                .param("user", invited.id().toString()).query(String.class).list();
        assertThat(actions).containsExactly("user.created", "user.invited", "user.invitation_accepted", "auth.signed_in");
        String details = jdbc.sql("select details from audit_events where action = 'user.invited' and resource_id = :user")
                .param("user", invited.id().toString()).query(String.class).single();
        assertThat(details).contains("\"delivery\":\"link\"").doesNotContain(invited.secret());
    }

    @Test
    void theUsersPageShowsTheLinkOnceAndResendsIt() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        var admin = authentication(UsernamePasswordAuthenticationToken.authenticated(tenant.admin(), null,
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        String email = "invitee-" + TestData.unique() + "@example.com";

        MvcResult created = mvc.perform(post("/admin/users").with(admin).with(csrf())
                        .param("name", "Invitee").param("email", email).param("role", "PROJECT_HANDLER")
                        .param("password", ""))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attribute("notice", "users.invitationLinkCreated"))
                .andReturn();
        String page = followRedirect(created, admin);
        String link = linkIn(page);
        assertThat(page).contains("Copy this link and send it to the person; it works once, until ")
                .contains("Invitation link for " + email).doesNotContain("??");
        String later = followRedirect(created, admin);
        assertThat(later).doesNotContain(link).contains("Resend invitation");

        UUID id = jdbc.sql("select id from users where email = :email").param("email", email).query(UUID.class).single();
        MvcResult resent = mvc.perform(post("/admin/users/" + id + "/invitation").with(admin).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "users.invitationLinkResent"))
                .andReturn();
        String newLink = linkIn(followRedirect(resent, admin));
        assertThat(newLink).isNotEqualTo(link);
        mvc.perform(get(link.substring(publicUrl().length()))).andExpect(status().isGone());
        mvc.perform(get(newLink.substring(publicUrl().length()))).andExpect(status().isOk());
    }

    @Test
    void theInvitationsRepositoryNeverCrossesTenants() throws Exception {
        Invited invited = invite(data.newTenant());
        UUID otherTenant = data.newTenant().uuid();
        UUID invitationId = jdbc.sql("select id from invitations where user_id = :user").param("user", invited.id())
                .query(UUID.class).single();

        assertThat(invitations.revokeOpen(invited.id(), otherTenant, clock.instant())).isZero();
        assertThat(invitations.accept(invitationId, otherTenant, clock.instant())).isZero();
        mvc.perform(get(invited.path())).andExpect(status().isOk());
    }

    /** Creates a user without a password through the API, as the tenant's admin. */
    Invited invite(TestData.Tenant tenant) throws Exception {
        String email = "invitee-" + TestData.unique() + "@example.com";
        MvcResult result = mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + tenant.adminToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"" + email + "\", \"name\": \"Invitee\", \"role\": \"project_handler\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(email))
                .andReturn();
        String body = result.getResponse().getContentAsString();
        return new Invited(UUID.fromString(JsonPath.read(body, "$.id")), email, JsonPath.read(body, "$.invitation_url"),
                Instant.parse(JsonPath.read(body, "$.invitation_expires_at")));
    }

    static MockHttpServletRequestBuilder accept(String path, String password, String repeated) {
        return post(path).with(csrf()).param("password", password).param("passwordConfirmation", repeated);
    }

    static MockHttpServletRequestBuilder resend(String token, UUID userId) {
        return post("/api/v1/users/" + userId + "/invitation").header("Authorization", "Bearer " + token);
    }

    /** The flash attributes live in the (JDBC) session, so the next page view needs its cookie. */
    private String followRedirect(MvcResult redirect, RequestPostProcessor user) throws Exception {
        return mvc.perform(get(redirect.getResponse().getRedirectedUrl()).with(user)
                        .cookie(redirect.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** No QTERIA_PUBLIC_URL in tests: links start with the port the server actually listens on. */
    private String publicUrl() {
        return "http://localhost:" + port;
    }

    private String linkIn(String page) {
        var matcher = java.util.regex.Pattern.compile(publicUrl() + "/invitations/[A-Za-z0-9_-]{43}").matcher(page);
        assertThat(matcher.find()).as("an invitation link on the page %s", page).isTrue();
        return matcher.group();
    }

    static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    record Invited(UUID id, String email, String url, Instant expiresAt) {

        String path() {
            return java.net.URI.create(url).getRawPath();
        }

        String secret() {
            return url.substring(url.lastIndexOf('/') + 1);
        }
    }
}
