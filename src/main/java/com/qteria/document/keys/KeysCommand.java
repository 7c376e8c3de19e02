package com.qteria.document.keys;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar qteria.jar keys rotate}: re-wraps every document's data key under the newest configured master
 * key (the last of {@code QTERIA_MASTER_KEYS}), against the same database and storage the service uses.
 */
public final class KeysCommand {

    private static final String USAGE = "Usage: java -jar qteria.jar keys rotate";

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
            KeyRotation.Outcome outcome = context.getBean(KeyRotation.class).rotate();
            System.out.printf("Data keys re-wrapped under master key '%s': %d; failed: %d%n", outcome.keyId(),
                    outcome.rewrapped(), outcome.failed());
            return outcome.failed() == 0 ? 0 : 1;
        } catch (RuntimeException e) {
            System.err.println("keys rotate failed: " + e.getMessage());
            return 1;
        }
    }
}
