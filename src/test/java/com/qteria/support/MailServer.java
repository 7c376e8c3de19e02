package com.qteria.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server in-process (GreenMail) for the tests of Qteria's e-mails. A test class registers
 * {@link #on(int)} as a static extension on a {@link #freePort()} and points the application at it with
 * {@link #configure} from its {@code @DynamicPropertySource}; the server lives as long as the class.
 */
public final class MailServer {

    /** The sender the application is configured with. */
    public static final String FROM = "Qteria <qteria@example.com>";

    private MailServer() {
    }

    public static GreenMailExtension on(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withPerMethodLifecycle(false);
    }

    public static void configure(DynamicPropertyRegistry registry, int port) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
        registry.add("qteria.mail.from", () -> FROM);
    }

    /** The e-mails the server received for {@code email}, oldest first. */
    public static List<MimeMessage> mailsTo(GreenMailExtension smtp, String email) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> addresses(recipients(message)).contains(email))
                .toList();
    }

    public static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Address[] recipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
