package com.qteria.flags;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every switch in the database at one moment, and the one rule that reads them: the user's switch wins over the
 * organization's, which wins over the global one; with none of them, the flag's default (declared in code) decides.
 * Pure: the provider keeps one as its cache, the admin page reads one to show where a value comes from.
 *
 * @param switches on or off, by flag, scope and subject (user, organization, or {@link FlagScope#EVERYONE})
 */
public record Switchboard(Map<Key, Boolean> switches) {

    public static final Switchboard EMPTY = new Switchboard(Map.of());

    public Switchboard {
        switches = Map.copyOf(switches);
    }

    /** One switch's place. */
    public record Key(String flag, FlagScope scope, UUID subject) {
    }

    /** The switch that decides and its scope; empty when no switch applies (the default decides). */
    public record Decision(boolean enabled, FlagScope scope) {
    }

    public Optional<Decision> decide(String flag, UUID organization, UUID user) {
        return switchOf(flag, FlagScope.USER, user)
                .or(() -> switchOf(flag, FlagScope.ORGANIZATION, organization))
                .or(() -> switchOf(flag, FlagScope.GLOBAL, FlagScope.EVERYONE));
    }

    /** The switch of exactly this scope and subject: on, off, or empty when it is not switched there. */
    public Optional<Boolean> at(String flag, FlagScope scope, UUID subject) {
        return subject == null ? Optional.empty() : Optional.ofNullable(switches.get(new Key(flag, scope, subject)));
    }

    private Optional<Decision> switchOf(String flag, FlagScope scope, UUID subject) {
        return at(flag, scope, subject).map(on -> new Decision(on, scope));
    }
}
