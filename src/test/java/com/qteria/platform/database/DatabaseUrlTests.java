package com.qteria.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTests {

    @Test
    void readsTheFormHostingPlatformsHandOut() {
        // secretlint-disable-next-line -- a made-up credential: what the parser must read and never print
        DatabaseUrl url = DatabaseUrl.parse("postgres://qteria:s3cret@db.example.com:6543/qteria");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/qteria");
        assertThat(url.username()).isEqualTo("qteria");
        assertThat(url.password()).isEqualTo("s3cret");
    }

    @Test
    void acceptsThePostgresqlScheme() {
        // secretlint-disable-next-line -- a made-up credential: what the parser must read and never print
        DatabaseUrl url = DatabaseUrl.parse("postgresql://qteria:s3cret@db.example.com:5433/prod");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/prod");
        assertThat(url.username()).isEqualTo("qteria");
        assertThat(url.password()).isEqualTo("s3cret");
    }

    @Test
    void decodesPercentEncodedUserAndPasswordButKeepsAPlusSign() {
        // secretlint-disable-next-line -- a made-up credential: what the parser must read and never print
        DatabaseUrl url = DatabaseUrl.parse("postgres://app%40tenant:p%40ss%3Aw%2Fo%25rd+1@db:5432/qteria");

        assertThat(url.username()).isEqualTo("app@tenant");
        assertThat(url.password()).isEqualTo("p@ss:w/o%rd+1");
    }

    @Test
    void toleratesAnUnencodedAtSignInThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://qteria:p@ss@db:5432/qteria");

        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/qteria");
    }

    @Test
    void defaultsThePortTo5432() {
        assertThat(DatabaseUrl.parse("postgres://qteria:pw@db.internal/qteria").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.internal:5432/qteria");
    }

    @Test
    void keepsTheQueryString() {
        assertThat(DatabaseUrl.parse("postgres://u:p@db:5432/qteria?sslmode=require&application_name=qteria").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/qteria?sslmode=require&application_name=qteria");
    }

    @Test
    void worksWithoutCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://localhost/qteria");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/qteria");
        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void acceptsAUserWithoutPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://postgres@127.0.0.1:5432/test");

        assertThat(url.username()).isEqualTo("postgres");
        assertThat(url.password()).isNull();
    }

    @Test
    void acceptsHostNamesThatJavaNetUriDoesNotCallHosts() {
        assertThat(DatabaseUrl.parse("postgres://u:p@qteria_db:5432/qteria").jdbcUrl())
                .isEqualTo("jdbc:postgresql://qteria_db:5432/qteria");
        assertThat(DatabaseUrl.parse("postgres://u:p@[::1]:6543/qteria").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:6543/qteria");
        assertThat(DatabaseUrl.parse("postgres://u:p@[::1]/qteria").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/qteria");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://db:5432/qteria?user=qteria&password=pw",
            "jdbc:h2:file:./qteria-data/db/qteria;MODE=PostgreSQL"})
    void passesJdbcUrlsThrough(String jdbc) {
        DatabaseUrl url = DatabaseUrl.parse("  " + jdbc + " ");

        assertThat(url.jdbcUrl()).isEqualTo(jdbc);
        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
    }

    @ParameterizedTest
    // secretlint-disable-next-line -- a made-up credential: what the parser must read and never print
    @ValueSource(strings = {"mysql://qteria:topsecret@db:3306/qteria", "http://qteria:topsecret@db/qteria",
            "qteria:topsecret@db/qteria"})
    void rejectsOtherSchemesWithAClearMessage(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse(value))
                .withMessageStartingWith("DATABASE_URL must start with postgres://, postgresql:// or jdbc:")
                .withMessageNotContaining("topsecret");
    }

    @Test
    void namesTheSchemeItRejects() {
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("mysql://db/qteria"))
                .withMessageContaining("'mysql'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres://qteria:top secret@db/qteria", "postgres://qteria:topsecret@/qteria",
            // secretlint-disable-next-line -- a made-up credential: what the parser must read and never print
            "postgres://qteria:topsecret@db:port/qteria"})
    void rejectsBrokenUrlsWithoutRepeatingThePassword(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse(value))
                .withMessageStartingWith("DATABASE_URL ")
                .withMessageNotContaining("secret");
    }

    @Test
    void neverPrintsThePassword() {
        // secretlint-disable-next-line -- a made-up credential: what the parser must read and never print
        assertThat(DatabaseUrl.parse("postgres://qteria:topsecret@db/qteria").toString())
                .contains("jdbc:postgresql://db:5432/qteria", "qteria")
                .doesNotContain("topsecret");
    }
}
