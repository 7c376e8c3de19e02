package com.qteria.evaluation;

import com.qteria.evaluation.Reason.Value;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * {@link Reason}s as plain sentences in the reader's language (messages.properties, messages_de.properties), one line
 * per reason, buckets by name. The API says them in English unless asked for German, the results page in the user's
 * language, the {@code assess} command in English. Thread-safe.
 */
@Component
public final class ReasonText {

    private static final int PAGES_SHOWN = 10;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final MessageSource messages;

    public ReasonText(MessageSource messages) {
        this.messages = messages;
    }

    /** Without Spring (the command line, tests): the application's message bundles. */
    public static ReasonText standalone() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return new ReasonText(source);
    }

    /** The reasons, one sentence (or two) per line; {@code bucketName} names a bucket by its key. */
    public String render(List<Reason> reasons, Locale locale, Function<String, String> bucketName) {
        Sentences s = new Sentences(locale, bucketName);
        return reasons.stream().map(s::say).collect(Collectors.joining("\n"));
    }

    /** In English, buckets by key: the text stored next to the reasons for readers without a renderer. */
    public String english(List<Reason> reasons) {
        return render(reasons, Locale.ENGLISH, Function.identity());
    }

    private final class Sentences {

        private final Locale locale;
        private final Function<String, String> bucketName;

        Sentences(Locale locale, Function<String, String> bucketName) {
            this.locale = locale;
            this.bucketName = bucketName;
        }

        String say(Reason reason) {
            return switch (reason) {
                case Reason.NoDocumentInBuckets r when r.buckets().isEmpty() -> text("reason.noBucket");
                case Reason.NoDocumentInBuckets r when r.buckets().contains("*") -> text("reason.noDocument");
                case Reason.NoDocumentInBuckets r -> text("reason.noDocumentInBuckets", buckets(r.buckets()));
                case Reason.NotApplicable r -> text("reason.notApplicable", buckets(r.buckets()));
                case Reason.RetrievalOnly r when r.passages() == 0 -> text("reason.retrievalOnly.none");
                case Reason.RetrievalOnly r when r.passages() == 1 -> text("reason.retrievalOnly.one");
                case Reason.RetrievalOnly r -> text("reason.retrievalOnly", r.passages());
                case Reason.Unreadable r -> text("reason.unreadable", r.document(), r.why());
                case Reason.UnreadPages r -> text("reason.unreadPages", r.document(), pages(r.pages()));
                case Reason.AiUnavailable r when r.minutes() != null -> text(r.minutes() == 1 ? "reason.aiOutage.one"
                        : "reason.aiOutage", r.minutes(),
                        text("reason.aiUnavailable." + r.kind().toLowerCase(Locale.ROOT)));
                case Reason.AiUnavailable r -> text("reason.aiUnavailable", text("reason.aiUnavailable."
                        + r.kind().toLowerCase(Locale.ROOT)));
                case Reason.AiUnanswered r -> text("reason.aiUnanswered");
                case Reason.EvaluationStopped r -> text("reason.evaluationStopped", r.error());
                case Reason.ModelText r -> r.text();
                case Reason.AiAbsent r -> text("reason.aiAbsent", r.text());
                case Reason.AiDoubt r -> text("reason.aiDoubt." + r.doubt().name().toLowerCase(Locale.ROOT),
                        r.unverified(), r.quotes()) + " " + text("reason.aiSaid", text("reason.verdict." + r.verdict()),
                        text("assessment.confidence." + r.confidence()), r.text());
                case Reason.CheckIncomplete r -> text("reason.checkIncomplete." + r.type());
                case Reason.PhrasesFound r -> text("reason.phrasesFound", quoted(r.phrases()), r.document(),
                        pages(r.pages()));
                case Reason.PhrasesMissing r -> text(r.anyOf() ? "reason.phrasesMissing.any"
                        : "reason.phrasesMissing", quoted(r.phrases()), r.document()) + unread(r.unreadPages());
                case Reason.ForbiddenPhrase r -> text("reason.forbiddenPhrase", quoted(List.of(r.phrase())),
                        pages(List.of(r.page())), r.document());
                case Reason.PhrasesAbsent r -> text("reason.phrasesAbsent", quoted(r.phrases()),
                        String.join(", ", r.documents()));
                case Reason.PhrasesMaybeUnread r -> text("reason.phrasesMaybeUnread", quoted(r.phrases()),
                        r.document()) + unread(r.unreadPages());
                case Reason.PatternMatched r -> text("reason.patternMatched", r.pattern(), times(r.count()),
                        r.document(), pages(r.pages()));
                case Reason.PatternTooRare r when r.count() == 0 -> text("reason.patternNowhere", r.pattern(),
                        r.document()) + unread(r.unreadPages());
                case Reason.PatternTooRare r -> text("reason.patternTooRare", r.pattern(), times(r.count()),
                        r.document(), r.needed()) + unread(r.unreadPages());
                case Reason.InvalidPattern r -> text("reason.invalidPattern", r.pattern(), r.detail());
                case Reason.PatternTimedOut r -> text("reason.patternTimedOut", r.pattern(), r.document());
                case Reason.PatternTooDeep r -> text("reason.patternTooDeep", r.pattern(), r.document());
                case Reason.NoCaptureGroup r -> text("reason.noCaptureGroup", r.pattern());
                case Reason.NoValue r -> text("reason.noValue", r.document()) + unread(r.unreadPages());
                case Reason.SameValue r -> text("reason.sameValue", values(List.of(r.value())));
                case Reason.DifferentValues r -> text("reason.differentValues", values(r.values()));
                case Reason.ValuesFound r -> text("reason.valuesFound", values(r.values()));
                case Reason.NothingToCompare r -> text("reason.nothingToCompare", buckets(r.buckets()));
                case Reason.DateMissing r when r.labelSeen() == null -> text("reason.dateMissing.noLabel",
                        quoted(r.labels()), r.document()) + unread(r.unreadPages());
                case Reason.DateMissing r -> text("reason.dateMissing", quoted(r.labels()), r.document(),
                        quoted(List.of(r.labelSeen())), pages(List.of(r.labelPage()))) + unread(r.unreadPages());
                case Reason.DateRecent r -> text("reason.dateRecent", quoted(r.labels()), r.document(), r.date(),
                        quoted(List.of(r.written())), pages(List.of(r.page())), r.limit());
                case Reason.DateTooOld r -> text("reason.dateTooOld", quoted(r.labels()), r.document(), r.date(),
                        quoted(List.of(r.written())), pages(List.of(r.page())), r.limit(), r.months(), r.asOf());
                case Reason.DigitallySigned r -> text(r.changedAfterSigning() ? "reason.digitallySigned.changed"
                        : "reason.digitallySigned", r.document(), r.signer())
                        + (r.signedAt() == null ? "" : " " + text("reason.digitallySigned.at", instant(r.signedAt())))
                        + (r.page() == null ? "" : " " + text("reason.digitallySigned.field", pages(List.of(r.page()))));
                case Reason.SignatureBlock r when r.signer() == null && r.date() == null ->
                        text("reason.signatureBlock", r.document(), pages(List.of(r.page())));
                case Reason.SignatureBlock r -> text("reason.signatureBlock.named", r.document(),
                        pages(List.of(r.page())), Stream.of(r.signer(), r.date()).filter(Objects::nonNull)
                                .collect(Collectors.joining(", ")));
                case Reason.ClosestMatch r -> text("reason.closestMatch", quoted(List.of(r.sought())),
                        quoted(List.of(r.found())), r.document(), pages(List.of(r.page())));
                case Reason.ClosestPassage r -> text("reason.closestPassage", r.document(), pages(List.of(r.page())),
                        quoted(List.of(r.excerpt())));
                case Reason.NotSigned r when r.invalidSigners().isEmpty() -> text("reason.notSigned", r.document())
                        + unread(r.unreadPages());
                case Reason.NotSigned r -> text("reason.notSigned.invalid", r.document(),
                        String.join(", ", r.invalidSigners())) + unread(r.unreadPages());
                case Reason.PageCount r -> text(r.pages() < r.needed() ? "reason.pageCount.short" : "reason.pageCount",
                        r.document(), text(r.pages() == 1 ? "reason.pageCount.one" : "reason.pageCount.many",
                                r.pages()), r.needed());
            };
        }

        private String buckets(List<String> keys) {
            return keys.stream().map(bucketName).collect(Collectors.joining(", "));
        }

        private String quoted(List<String> phrases) {
            return phrases.stream().map(p -> text("reason.quoted", p)).collect(Collectors.joining(", "));
        }

        /** An ISO-8601 instant as "2025-03-10 09:15 UTC"; as given when it is none. */
        private static String instant(String iso) {
            try {
                return MINUTES.format(Instant.parse(iso)) + " UTC";
            } catch (DateTimeParseException e) {
                return iso;
            }
        }

        /** "page 2", "pages 1, 3", or the first ten and how many in all. */
        private String pages(List<Integer> numbers) {
            String shown = numbers.stream().limit(PAGES_SHOWN).map(String::valueOf).collect(Collectors.joining(", "));
            if (numbers.size() > PAGES_SHOWN) {
                return text("reason.pages.cut", shown, numbers.size());
            }
            return text(numbers.size() == 1 ? "reason.page" : "reason.pages", shown);
        }

        /** " Page 3 has no readable text." when there are such pages. */
        private String unread(List<Integer> numbers) {
            if (numbers.isEmpty()) {
                return "";
            }
            String shown = numbers.stream().limit(PAGES_SHOWN).map(String::valueOf).collect(Collectors.joining(", "))
                    + (numbers.size() > PAGES_SHOWN ? " \u2026" : "");
            return " " + text(numbers.size() == 1 ? "reason.unread.one" : "reason.unread.many", shown);
        }

        private String times(int count) {
            return count == 1 ? text("reason.once") : text("reason.times", count);
        }

        private String values(List<Value> values) {
            return values.stream().map(v -> text("reason.value", quoted(List.of(v.value())), v.places().stream()
                            .distinct().map(p -> text("reason.place", p.document(), p.page()))
                            .collect(Collectors.joining(", "))))
                    .collect(Collectors.joining("; "));
        }

        /** Numbers go in as text: page 1200 reads "1200", not "1,200". */
        private String text(String key, Object... arguments) {
            Object[] args = new Object[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                args[i] = String.valueOf(arguments[i]);
            }
            return messages.getMessage(key, args, locale);
        }
    }
}
