package com.qteria.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.identity.accounts.Accounts;
import com.qteria.shared.ApiProblem;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The one-time setup happens once, even when several people (or instances) try at the same instant. */
@QteriaTest
@TestPropertySource(properties = "qteria.test.context=setup-race")
class SetupTests {

    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrentSetupsCreateExactlyOneOrganization() throws Exception {
        assertThat(accounts.setupRequired()).isTrue();
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            attempts.add(() -> {
                try {
                    accounts.setUp("Race " + n, "race-" + n + "@example.com", "Racer " + n, TestData.PASSWORD, "test");
                    return true;
                } catch (ApiProblem conflict) {
                    return false;
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            long succeeded = 0;
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                succeeded += result.get() ? 1 : 0;
            }
            assertThat(succeeded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from organizations", Long.class)).isEqualTo(1);
        assertThat(accounts.setupRequired()).isFalse();
    }
}
