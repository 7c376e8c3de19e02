package com.qteria.evaluation.ai;

import com.qteria.evaluation.Confidence;
import com.qteria.evaluation.EvaluatedDocument;
import com.qteria.evaluation.Evaluation;
import com.qteria.evaluation.Evidence;
import com.qteria.evaluation.Finding;
import com.qteria.evaluation.LanguageModel;
import com.qteria.evaluation.ModelPrompt;
import com.qteria.evaluation.ModelPrompt.Message;
import com.qteria.evaluation.ModelPrompt.Role;
import com.qteria.evaluation.ModelReply;
import com.qteria.evaluation.PagesSent;
import com.qteria.evaluation.Reason;
import com.qteria.evaluation.Source;
import com.qteria.evaluation.TokenUsage;
import com.qteria.evaluation.Verdict;
import com.qteria.evaluation.retrieval.PassageSearch;
import com.qteria.workflow.Criterion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One batch of criteria, one call (and at most one repair): the documents first (cacheable), the criteria after,
 * the answer parsed strictly and judged under the honesty rules. Criteria the model did not answer usably, even after
 * the repair, need review with retrieval's best passages for the reviewer.
 */
public final class BatchEvaluator {

    private final LanguageModel model;
    private final int contextBudgetTokens;
    private final int maxOutputTokens;
    private final Judgement judgement;

    public BatchEvaluator(LanguageModel model, Evaluation evaluation, int contextBudgetTokens, int maxOutputTokens) {
        this.model = Objects.requireNonNull(model, "model");
        this.contextBudgetTokens = contextBudgetTokens;
        this.maxOutputTokens = maxOutputTokens;
        this.judgement = new Judgement(evaluation);
    }

    public AiOutcome evaluate(AiBatch batch) {
        List<Criterion> criteria = batch.criteria();
        List<EvaluatedDocument> documents = batch.documents();
        Map<Integer, List<Integer>> pages = ContextSelection.pages(criteria, documents, contextBudgetTokens);
        boolean allSent = ContextSelection.all(pages, documents);
        String documentsBlock = AiPrompt.documents(documents, pages);
        List<String> asked = criteria.stream().map(Criterion::key).toList();
        List<Message> messages = new ArrayList<>(List.of(new Message(Role.USER, AiPrompt.question(criteria, allSent))));

        boolean cache = batch.documentsShared();
        ModelReply reply = model.complete(new ModelPrompt(AiPrompt.SYSTEM, documentsBlock, messages, maxOutputTokens,
                cache, AnswerParser.SCHEMA));
        TokenUsage usage = reply.usage();
        int calls = 1;
        AnswerParser.Parsed parsed = AnswerParser.parse(reply.text(), asked);
        Map<String, AnswerParser.Answer> answers = new LinkedHashMap<>(parsed.answers());
        List<String> missing = asked.stream().filter(k -> !answers.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            List<String> problems = new ArrayList<>(parsed.problems());
            if (reply.truncated()) {
                problems.addFirst("the answer was cut off at the length limit; keep the reasoning short");
            }
            messages.add(new Message(Role.ASSISTANT, clip(reply.text())));
            messages.add(new Message(Role.USER, AiPrompt.repair(problems, missing)));
            ModelReply repaired = model.complete(new ModelPrompt(AiPrompt.SYSTEM, documentsBlock, messages,
                    maxOutputTokens, cache, AnswerParser.SCHEMA));
            usage = usage.plus(repaired.usage());
            calls++;
            AnswerParser.parse(repaired.text(), missing).answers().forEach(answers::putIfAbsent);
        }
        List<Finding> findings = new ArrayList<>();
        for (Criterion criterion : criteria) {
            AnswerParser.Answer answer = answers.get(criterion.key());
            findings.add(answer == null ? unanswered(criterion, documents)
                    : judgement.judge(answer, documents, allSent));
        }
        return new AiOutcome(findings, usage, calls, model.name(), allSent ? List.of() : sent(pages, documents));
    }

    /** Whether a batch over these documents sends every page (they fit the context budget). */
    public static boolean sendsEveryPage(List<EvaluatedDocument> documents, int contextBudgetTokens) {
        return ContextSelection.fits(documents, contextBudgetTokens);
    }

    /** A criterion the model gave no usable answer for, twice: a reviewer judges it from retrieval's passages. */
    static Finding unanswered(Criterion criterion, List<EvaluatedDocument> documents) {
        List<Evidence> passages = PassageSearch.best(query(criterion), documents, Evaluation.PASSAGES);
        return new Finding(criterion.key(), Verdict.NEEDS_REVIEW, Confidence.LOW, Source.RETRIEVAL,
                List.of(new Reason.AiUnanswered()),
                passages, List.of());
    }

    static String query(Criterion criterion) {
        return criterion.name() + (criterion.description() == null ? "" : "\n" + criterion.description());
    }

    private static List<PagesSent> sent(Map<Integer, List<Integer>> pages, List<EvaluatedDocument> documents) {
        List<PagesSent> sent = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            sent.add(new PagesSent(documents.get(d).id(), pages.getOrDefault(d, List.of())));
        }
        return sent;
    }

    private static String clip(String text) {
        String s = text == null ? "" : text;
        return s.length() <= 20_000 ? s : s.substring(0, 20_000);
    }
}
