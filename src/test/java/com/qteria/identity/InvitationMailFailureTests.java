package com.qteria.identity;

import static com.qteria.identity.InvitationTests.resend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A mail server is configured but does not answer: users are still created, and the admin can resend. */
@QteriaTest
@ExtendWith(OutputCaptureExtension.class)
class InvitationMailFailureTests {

    @DynamicPropertySource
    static void deadMailServer(DynamicPropertyRegistry registry) {
        int nobodyListens = com.qteria.support.MailServer.freePort();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> nobodyListens);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;

    @Test
    void aDeadMailServerDoesNotFailUserCreation(CapturedOutput output) throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String email = "invitee-" + TestData.unique() + "@example.com";
        MvcResult created = mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + tenant.adminToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"" + email + "\", \"name\": \"Invitee\", \"role\": \"project_handler\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.invitation_url").doesNotExist())
                .andReturn();
        String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");

        mvc.perform(get("/api/v1/users/" + id).header("Authorization", "Bearer " + tenant.adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(email));
        mvc.perform(resend(tenant.adminToken(), java.util.UUID.fromString(id)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.delivery").value("email"));

        assertThat(output.getOut()).contains("Could not send the invitation e-mail to user " + id)
                .doesNotContain("/invitations/");
    }
}
