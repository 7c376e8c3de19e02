package com.qteria.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** {@code ?page=&size=} of every list, per API.md: defaults 0 and 20, size 1 to 100, numbers only. */
@QteriaTest
class PagingArgumentTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;

    String token;

    @BeforeEach
    void signedIn() {
        token = data.newTenant().adminToken();
    }

    @Test
    void pageAndSizeChooseThePageAndDefaultWhenAbsentOrEmpty() throws Exception {
        mvc.perform(get("/api/v1/users?page=2&size=5").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.number").value(2))
                .andExpect(jsonPath("$.page.size").value(5));
        mvc.perform(get("/api/v1/workflows?page=&size=").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.number").value(0))
                .andExpect(jsonPath("$.page.size").value(20));
    }

    @Test
    void aPageThatIsNoNumberIsMalformedAndASizeOutOfRangeIsInvalid() throws Exception {
        mvc.perform(get("/api/v1/documents?page=first").header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.detail").value("The parameter 'page' has an invalid value."));
        mvc.perform(get("/api/v1/audit-events?size=101").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }
}
