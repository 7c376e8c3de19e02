package com.qteria.identity;

import static com.qteria.support.ApiRequests.json;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.support.ApiRequests;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@QteriaTest
class UsersApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;

    @Test
    void adminCreatesListsAndReadsUsers() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String admin = tenant.adminToken();
        String email = "new-" + TestData.unique() + "@Example.com";
        String body = mvc.perform(json(post("/api/v1/users"), admin,
                        "{\"email\": \"" + email + "\", \"name\": \"Nia Newman\", \"role\": \"process_manager\", "
                                + "\"password\": \"" + TestData.PASSWORD + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(email.toLowerCase()))
                .andExpect(jsonPath("$.role").value("process_manager"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.password_hash").doesNotExist())
                .andExpect(jsonPath("$.created_at").exists())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");

        mvc.perform(get("/api/v1/users/" + id).header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Nia Newman"));
        mvc.perform(get("/api/v1/users?page=0&size=1").header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.page.number").value(0))
                .andExpect(jsonPath("$.page.size").value(1))
                .andExpect(jsonPath("$.page.total_items").value(2))
                .andExpect(jsonPath("$.page.total_pages").value(2));
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + admin))
                .andExpect(jsonPath("$.items[*].id", hasItem(id)));
    }

    @Test
    void creationIsValidatedFieldByField() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String admin = tenant.adminToken();
        mvc.perform(json(post("/api/v1/users"), admin, "{\"email\": \"not-an-email\", \"name\": \"\", \"role\": null}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'role')]").exists());
        mvc.perform(json(post("/api/v1/users"), admin, "{\"email\": \"a@example.com\", \"name\": \"A\", \"role\": \"king\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
        mvc.perform(json(post("/api/v1/users"), admin,
                        "{\"email\": \"short-" + TestData.unique() + "@example.com\", \"name\": \"A\", \"role\": \"admin\", \"password\": \"short\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(json(post("/api/v1/users"), admin,
                        "{\"email\": \"" + tenant.admin().email() + "\", \"name\": \"Twin\", \"role\": \"admin\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(get("/api/v1/users?size=101").header("Authorization", "Bearer " + admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void anotherOrganizationsAddressIsNeitherRevealedNorClaimedAndThePasswordChoosesTheAccount() throws Exception {
        TestData.Tenant first = data.newTenant();
        TestData.Tenant second = data.newTenant();
        String email = first.admin().email();
        String otherPassword = "another " + TestData.PASSWORD;

        // Adding the first organization's admin to the second answers exactly as for a new address.
        String body = mvc.perform(json(post("/api/v1/users"), second.adminToken(),
                        "{\"email\": \"" + email.toUpperCase() + "\", \"name\": \"Same Person\", "
                                + "\"role\": \"project_handler\", \"password\": \"" + otherPassword + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(email))
                .andReturn().getResponse().getContentAsString();
        String secondId = JsonPath.read(body, "$.id");

        // Each password signs in to its own organization's account; the first one is untouched.
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + signIn(email, TestData.PASSWORD)))
                .andExpect(jsonPath("$.id").value(first.admin().id().toString()))
                .andExpect(jsonPath("$.role").value("admin"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + signIn(email, otherPassword)))
                .andExpect(jsonPath("$.id").value(secondId))
                .andExpect(jsonPath("$.role").value("project_handler"));

        // Within one organization an address is still one member's.
        mvc.perform(json(post("/api/v1/users"), second.adminToken(),
                        "{\"email\": \"" + email + "\", \"name\": \"Twin\", \"role\": \"admin\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.errors[0].message").value("already belongs to a member of this organization"));
    }

    private String signIn(String email, String password) throws Exception {
        String token = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(token, "$.access_token");
    }

    @Test
    void roleChangeAndDeactivationTakeEffectAtOnce() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String admin = tenant.adminToken();
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        String handlerToken = data.tokenFor(handler);

        mvc.perform(json(patch("/api/v1/users/" + handler.id()), admin, "{\"role\": \"process_manager\", \"name\": \"Renamed\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("process_manager"))
                .andExpect(jsonPath("$.name").value("Renamed"));
        // The old token carried the old role: it is revoked, the user signs in again.
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + handlerToken)).andExpect(status().isUnauthorized());

        String fresh = signIn(handler.email());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + fresh))
                .andExpect(jsonPath("$.role").value("process_manager"));

        mvc.perform(delete("/api/v1/users/" + handler.id()).header("Authorization", "Bearer " + admin))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + fresh)).andExpect(status().isUnauthorized());
        mvc.perform(tokenRequest(handler.email())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/users/" + handler.id()).header("Authorization", "Bearer " + admin))
                .andExpect(jsonPath("$.active").value(false));

        mvc.perform(json(patch("/api/v1/users/" + handler.id()), admin, "{\"active\": true}"))
                .andExpect(jsonPath("$.active").value(true));
        signIn(handler.email());
    }

    @Test
    void anOrganizationKeepsAnActiveAdmin() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String admin = tenant.adminToken();
        mvc.perform(json(patch("/api/v1/users/" + tenant.admin().id()), admin, "{\"role\": \"project_handler\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONFLICT"));
        mvc.perform(delete("/api/v1/users/" + tenant.admin().id()).header("Authorization", "Bearer " + admin))
                .andExpect(status().isConflict());
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"PROCESS_MANAGER", "PROJECT_HANDLER"})
    void onlyAdminsManageUsersWhateverTheId(Role role) throws Exception {
        TestData.Tenant tenant = data.newTenant();
        TestData.Tenant other = data.newTenant();
        String token = tenant.tokenOf(role);
        for (UUID id : new UUID[] {tenant.admin().id(), other.admin().id(), UUID.randomUUID()}) {
            mvc.perform(get("/api/v1/users/" + id).header("Authorization", "Bearer " + token))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("INSUFFICIENT_PERMISSIONS"));
            mvc.perform(json(patch("/api/v1/users/" + id), token, "{\"role\": \"admin\"}"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/users"), token, "{\"email\": \"x@example.com\", \"name\": \"X\", \"role\": \"admin\"}"))
                .andExpect(status().isForbidden());
    }

    private String signIn(String email) throws Exception {
        return JsonPath.read(mvc.perform(tokenRequest(email)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$.access_token");
    }

    private static MockHttpServletRequestBuilder tokenRequest(String email) {
        return ApiRequests.tokenRequest(email, TestData.PASSWORD, "10.9." + (email.hashCode() & 0xff) + ".1");
    }

}
