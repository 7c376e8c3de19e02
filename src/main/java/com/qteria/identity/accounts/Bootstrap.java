package com.qteria.identity.accounts;

import com.qteria.identity.IdentityProperties;
import com.qteria.shared.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * First start with an empty database: {@code QTERIA_BOOTSTRAP_ORG}, {@code QTERIA_BOOTSTRAP_ADMIN_EMAIL} and
 * {@code QTERIA_BOOTSTRAP_ADMIN_PASSWORD} create the first organization and admin. Without them the UI offers the
 * one-time setup page instead. Once any user exists the variables are ignored.
 */
@Component
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final Accounts accounts;
    private final String organization;
    private final String email;
    private final String password;

    Bootstrap(Accounts accounts, IdentityProperties settings) {
        this.accounts = accounts;
        this.organization = settings.bootstrap().organization();
        this.email = settings.bootstrap().adminEmail();
        this.password = settings.bootstrap().adminPassword();
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean configured = StringUtils.hasText(organization) && StringUtils.hasText(email) && StringUtils.hasText(password);
        if (!configured) {
            if (StringUtils.hasText(organization) || StringUtils.hasText(email) || StringUtils.hasText(password)) {
                log.warn("Bootstrap skipped: set all of QTERIA_BOOTSTRAP_ORG, QTERIA_BOOTSTRAP_ADMIN_EMAIL and "
                        + "QTERIA_BOOTSTRAP_ADMIN_PASSWORD");
            }
            return;
        }
        if (!accounts.setupRequired()) {
            return;
        }
        String name = email.substring(0, Math.max(1, email.indexOf('@')));
        try {
            accounts.setUp(organization, email, name, password, "system");
            log.info("Bootstrap created organization '{}' and its first admin", organization);
        } catch (ApiProblem alreadySetUp) {
            log.info("Bootstrap skipped: another instance set up Qteria at the same time");
        }
    }
}
