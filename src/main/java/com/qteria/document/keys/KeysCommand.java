package com.qteria.document.keys;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar qteria.jar keys rotate}: re-wraps every document's data key under the newest configured master
 * key (the last of {@code QTERIA_MASTER_KEYS}), against the same database and storage the service uses, printing its
 * progress every thousand documents and, at the end, how many documents each master key wraps. Exit code 0 when every
 * document is under the newest key, 1 otherwise (run it again: it continues where it stopped).
 */
public final class KeysCommand {

    private static final String USAGE = "Usage: java -jar qteria.jar keys rotate";
    private static final int BATCH = 1000;

    private KeysCommand() {
    }

    public static int run(String[] args, Class<?> application) {
        if (args.length != 2 || !"rotate".equals(args[1])) {
            System.err.println(USAGE);
            return 64;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .run("--jobrunr.background-job-server.enabled=false",
                        "--logging.level.root=WARN", "--logging.structured.format.console=")) {
            KeyRotation.Outcome outcome = context.getBean(KeyRotation.class).rotate(BATCH,
                    progress -> System.out.println("Progress: " + progress));
            System.out.printf("Data keys re-wrapped under master key '%s': %d; failed: %d; in %.1f s%n",
                    outcome.keyId(), outcome.rewrapped(), outcome.failed(), outcome.took().toMillis() / 1000.0);
            outcome.failures().forEach(id -> System.out.println("Failed: document " + id));
            System.out.println("Documents per master key: " + outcome.byKey());
            if (outcome.remaining() > 0) {
                System.out.printf("%d documents are still under older keys: keep those keys configured, fix what "
                        + "failed (see the log) and run keys rotate again.%n", outcome.remaining());
            }
            return outcome.failed() == 0 && outcome.remaining() == 0 ? 0 : 1;
        } catch (RuntimeException e) {
            System.err.println("keys rotate failed: " + e.getMessage());
            return 1;
        }
    }
}
