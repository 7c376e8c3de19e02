package com.qteria;

import com.qteria.assessment.AssessmentCommands;
import com.qteria.document.DocumentCommands;
import com.qteria.platform.database.DatabaseCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Qteria: one jar, two roles (web and worker) and a few commands.
 * {@code java -jar qteria.jar} serves; {@code java -jar qteria.jar db migrate|rollback <n>|status} manages the schema;
 * {@code keys rotate} re-wraps document keys; {@code extract file.pdf} prints what Qteria reads and
 * {@code assess --workflow wf.json --doc bucket=file.pdf} runs one assessment locally, both without starting Spring;
 * {@code --help} prints {@link Usage}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class QteriaApplication {

    public static void main(String[] args) {
        if (Usage.asked(args)) {
            System.out.print(Usage.TEXT);
            System.exit(0);
        }
        if (args.length > 0 && "db".equals(args[0])) {
            System.exit(DatabaseCommand.run(args));
        }
        if (args.length > 0 && "keys".equals(args[0])) {
            System.exit(DocumentCommands.keys(args, QteriaApplication.class));
        }
        if (args.length > 0 && "extract".equals(args[0])) {
            System.exit(DocumentCommands.extract(args));
        }
        if (args.length > 0 && "assess".equals(args[0])) {
            System.exit(AssessmentCommands.assess(args));
        }
        SpringApplication.run(QteriaApplication.class, args);
    }
}
