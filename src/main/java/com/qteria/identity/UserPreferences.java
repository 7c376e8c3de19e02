package com.qteria.identity;

/**
 * A user's own choices; JSON {@code {"email_on_completion": true}}.
 *
 * @param emailOnCompletion whether the user gets an e-mail when an assessment they started completes or fails
 */
public record UserPreferences(boolean emailOnCompletion) {

    /** What a user who never changed anything has: every e-mail on. */
    public static final UserPreferences DEFAULTS = new UserPreferences(true);
}
