package com.qteria.identity;

import java.util.UUID;

/** Someone to send an e-mail to: an active user of the organization who wants that e-mail. */
public record MailRecipient(UUID userId, String email, String name) {

    @Override
    public String toString() {
        return "MailRecipient[userId=" + userId + "]";
    }
}
