package com.qteria.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PublicUrlTests {

    @Test
    void aConfiguredAddressWinsWithoutItsTrailingSlash() {
        MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "54321");

        assertThat(new PublicUrl(new PublicUrlSetting("https://qteria.example.com/"), environment).value())
                .isEqualTo("https://qteria.example.com");
    }

    @Test
    void withoutOneTheAddressCarriesThePortActuallyServed() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "0")
                .withProperty("local.server.port", "54321");

        PublicUrl url = new PublicUrl(new PublicUrlSetting(""), environment);

        assertThat(url.value()).isEqualTo("http://localhost:54321");
        assertThat(url.configured()).isEmpty();
    }

    @Test
    void beforeTheServerRunsItIsTheConfiguredPort() {
        assertThat(new PublicUrl(new PublicUrlSetting(" "), new MockEnvironment().withProperty("server.port", "9090")).value())
                .isEqualTo("http://localhost:9090");
    }
}
