package com.qteria.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.platform.delivery.SecretScanTests.Run;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * deploy/smoke-test.py, the pipeline's post-deploy check, run against the application on a random port as against a
 * deployed one: the critical path (sign in, create a workflow, upload, start, results) succeeds; a wrong password or a
 * URL where nothing answers makes it fail, and the deploy job roll back.
 */
@QteriaTest
class SmokeTestTests {

    static final String SCRIPT = Path.of("deploy/smoke-test.py").toAbsolutePath().toString();

    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    @Test
    void theCriticalPathPassesAgainstARunningApplication() throws Exception {
        TestData.Tenant tenant = data.newTenant();

        Run smoke = smokeTest("http://127.0.0.1:" + port, tenant.admin().email(), TestData.PASSWORD);

        assertThat(smoke.exitCode()).as(smoke.output()).isZero();
        assertThat(smoke.output()).contains("signed in as " + tenant.admin().email(), "created workflow",
                ": ready", "started assessment", "results: pass, evidence on page 1 of smoke-",
                "the critical path works");
    }

    @Test
    void aWrongPasswordFailsTheSmokeTestAtSignIn() throws Exception {
        TestData.Tenant tenant = data.newTenant();

        Run smoke = smokeTest("http://127.0.0.1:" + port, tenant.admin().email(), "not " + TestData.PASSWORD);

        assertThat(smoke.exitCode()).as(smoke.output()).isEqualTo(1);
        assertThat(smoke.output()).contains("SMOKE TEST FAILED: POST /api/v1/auth/token answered 401")
                .doesNotContain("created workflow");
    }

    @Test
    void aUrlWhereNothingAnswersFailsTheSmokeTest() throws Exception {
        Run smoke = smokeTest("http://127.0.0.1:9", "nobody@example.com", "whatever it is");

        assertThat(smoke.exitCode()).as(smoke.output()).isEqualTo(1);
        assertThat(smoke.output()).contains("SMOKE TEST FAILED: GET /health:");
    }

    private static Run smokeTest(String url, String email, String password) throws Exception {
        return SecretScanTests.run(Path.of("."), Map.of("QTERIA_SMOKE_URL", url, "QTERIA_SMOKE_EMAIL", email,
                "QTERIA_SMOKE_PASSWORD", password, "QTERIA_SMOKE_TIMEOUT", "120"), "python3", SCRIPT);
    }
}
