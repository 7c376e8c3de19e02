package com.qteria.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one rule of precedence: a person's switch, then the organization's, then the global one, then the default. */
class SwitchboardTests {

    static final String FLAG = "shared_report_pdf";
    final UUID organization = UUID.randomUUID();
    final UUID user = UUID.randomUUID();

    @Test
    void nothingSwitchedLeavesTheDefault() {
        assertThat(Switchboard.EMPTY.decide(FLAG, organization, user)).isEmpty();
    }

    @Test
    void theNarrowestSwitchDecides() {
        Map<Switchboard.Key, Boolean> switches = new java.util.HashMap<>();
        switches.put(new Switchboard.Key(FLAG, FlagScope.GLOBAL, FlagScope.EVERYONE), true);
        assertThat(new Switchboard(switches).decide(FLAG, organization, user))
                .contains(new Switchboard.Decision(true, FlagScope.GLOBAL));

        switches.put(new Switchboard.Key(FLAG, FlagScope.ORGANIZATION, organization), false);
        assertThat(new Switchboard(switches).decide(FLAG, organization, user))
                .contains(new Switchboard.Decision(false, FlagScope.ORGANIZATION));
        assertThat(new Switchboard(switches).decide(FLAG, UUID.randomUUID(), null))
                .as("another organization").contains(new Switchboard.Decision(true, FlagScope.GLOBAL));

        switches.put(new Switchboard.Key(FLAG, FlagScope.USER, user), true);
        assertThat(new Switchboard(switches).decide(FLAG, organization, user))
                .contains(new Switchboard.Decision(true, FlagScope.USER));
        assertThat(new Switchboard(switches).decide(FLAG, organization, UUID.randomUUID()))
                .as("a colleague").contains(new Switchboard.Decision(false, FlagScope.ORGANIZATION));
        assertThat(new Switchboard(switches).decide(FLAG, organization, null))
                .as("the organization without a person (a share link)")
                .contains(new Switchboard.Decision(false, FlagScope.ORGANIZATION));
        assertThat(new Switchboard(switches).decide("another_flag", organization, user)).isEmpty();
    }
}
