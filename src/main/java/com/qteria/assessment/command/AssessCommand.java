package com.qteria.assessment.command;

import com.qteria.evaluation.AssessedDocument;
import com.qteria.assessment.AssessmentResults;
import com.qteria.assessment.AssessmentRun;
import com.qteria.assessment.command.Invocation.DocumentArgument;
import com.qteria.document.LocalDocument;
import com.qteria.document.LocalDocuments;
import com.qteria.evaluation.AiEvaluation;
import com.qteria.evaluation.AiModels;
import com.qteria.evaluation.AiProperties;
import com.qteria.evaluation.EvaluatedDocument;
import com.qteria.evaluation.LanguageModelException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.qteria.evaluation.Evaluation;
import com.qteria.evaluation.EvaluationPipeline;
import com.qteria.evaluation.ReasonText;
import com.qteria.evaluation.SignatureFact;
import com.qteria.shared.Ids;
import com.qteria.workflow.Bucket;
import com.qteria.workflow.WorkflowView;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar qteria.jar assess --workflow wf.json --doc bucket=file.pdf [--doc …] [--as-of 2026-03-01]
 * [--format json|text]}: one assessment in this process — no server, no database, no Spring context — through the
 * same {@link AssessmentRun} as the server's job, printing the results JSON of API.md (or a table).
 * <p>
 * Exit codes: 0 overall pass, 1 fail, 2 needs review, 3 error (usage, unreadable or invalid workflow, missing file,
 * unknown bucket, a required bucket without a document; the message on stderr). A document that is not a PDF or
 * Word file, or cannot be read, is not an error: the criteria of its bucket need review, with the reason.
 * Document ids are fresh on every run. Criteria without checks are put to the AI provider configured by the same
 * variables as the server's ({@code QTERIA_AI_PROVIDER}, {@code ANTHROPIC_API_KEY}, …); a provider that refuses the
 * calls (key, billing) is an error (3).
 */
public final class AssessCommand {

    static final int PASS = 0;
    static final int FAIL = 1;
    static final int NEEDS_REVIEW = 2;
    static final int ERROR = 3;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * Lucene announces on stderr, through java.util.logging, that the Vector API is not enabled; retrieval is fast
     * enough without it, so the notice is only noise here. Held in a field: JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger LUCENE_VECTORS =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    private AssessCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Map.of());
    }

    /** With {@code settings} taking precedence over the environment (tests). */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, Object> settings) {
        LocalDocuments reader = LocalDocuments.forCommandLine();
        LUCENE_VECTORS.setLevel(java.util.logging.Level.SEVERE);
        try {
            Invocation invocation = Invocation.parse(args, LocalDate.now());
            WorkflowView workflow = WorkflowFile.read(invocation.workflow());
            checkBuckets(workflow, invocation.documents());
            List<AssessedDocument> documents = read(reader, invocation.documents(), err);
            Evaluation evaluation = new Evaluation();
            AiEvaluation ai = new AiModels(AiProperties.bind(CommandEnvironment.load(settings)), evaluation,
                    new SimpleMeterRegistry(), java.time.Clock.systemUTC()).evaluation(null, null).orElse(null);
            AssessmentResults results;
            try {
                Map<String, String> bucketNames = workflow.buckets().stream()
                        .collect(Collectors.toMap(Bucket::key, Bucket::name));
                results = AssessmentRun.assess(new EvaluationPipeline(evaluation), workflow.criteria(),
                        workflow.buckets(), documents, invocation.asOf(), ai).rendered(ReasonText.standalone(), Locale.ENGLISH,
                                key -> bucketNames.getOrDefault(key, key));
            } catch (LanguageModelException e) {
                throw new CannotAssess(e.plainMessage() + " (" + e.getMessage() + ")");
            }
            out.println(switch (invocation.format()) {
                case JSON -> JSON.writeValueAsString(results);
                case TEXT -> ResultsTable.render(workflow, invocation.asOf(), results);
            });
            out.flush();
            return switch (results.summary().overall()) {
                case PASS -> PASS;
                case FAIL -> FAIL;
                case NEEDS_REVIEW, NOT_APPLICABLE -> NEEDS_REVIEW; // never overall (Summary)
            };
        } catch (CannotAssess e) {
            err.println(e.getMessage());
            if (e.usage()) {
                err.println(Invocation.USAGE);
            }
            return ERROR;
        }
    }

    /** Every {@code --doc} names a bucket of the workflow, and every required bucket has a document. */
    private static void checkBuckets(WorkflowView workflow, List<DocumentArgument> documents) throws CannotAssess {
        Set<String> known = workflow.buckets().stream().map(Bucket::key).collect(Collectors.toSet());
        List<String> unknown = documents.stream().map(DocumentArgument::bucket).filter(b -> !known.contains(b))
                .distinct().toList();
        if (!unknown.isEmpty()) {
            throw new CannotAssess("The workflow has no bucket " + String.join(", ", unknown) + "; its buckets are "
                    + buckets(workflow.buckets()) + ".");
        }
        List<String> missing = AssessmentRun.missingRequiredBuckets(workflow.buckets(),
                documents.stream().map(DocumentArgument::bucket).toList());
        if (!missing.isEmpty()) {
            throw new CannotAssess("MISSING_REQUIRED_BUCKETS: no document for the required bucket"
                    + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + "; give each with --doc <bucket>=<file>.");
        }
        for (DocumentArgument document : documents) {
            if (!Files.isRegularFile(document.file())) {
                throw new CannotAssess("No such file: " + document.file() + " (--doc " + document.bucket() + ")");
            }
        }
    }

    private static String buckets(List<Bucket> buckets) {
        return buckets.stream().map(b -> b.key() + (b.required() ? " (required)" : "")).collect(Collectors.joining(", "));
    }

    private static List<AssessedDocument> read(LocalDocuments reader, List<DocumentArgument> arguments,
            PrintStream err) throws CannotAssess {
        List<AssessedDocument> documents = new ArrayList<>();
        for (DocumentArgument argument : arguments) {
            LocalDocument document;
            try {
                document = reader.read(argument.file());
            } catch (IOException e) {
                throw new CannotAssess("Cannot read " + argument.file() + ": " + e.getMessage());
            }
            documents.add(switch (document) {
                case LocalDocument.Read read -> {
                    read.warnings().forEach(w -> err.println("warning: " + read.name() + ": " + w));
                    yield new AssessedDocument.Read(new EvaluatedDocument(Ids.next(), read.name(), argument.bucket(),
                            read.pages(), read.signatures().stream()
                                    .map(s -> new SignatureFact(s.signer(), s.valid(), s.coversWholeDocument(),
                                            s.signedAt(), s.page()))
                                    .toList()), read.unreadPages());
                }
                case LocalDocument.Rejected rejected -> {
                    err.println("warning: " + rejected.name() + " could not be read: " + rejected.reason());
                    yield new AssessedDocument.Rejected(Ids.next(), rejected.name(), argument.bucket(),
                            rejected.reason());
                }
            });
        }
        return documents;
    }
}
