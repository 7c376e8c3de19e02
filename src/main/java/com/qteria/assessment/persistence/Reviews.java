package com.qteria.assessment.persistence;

import com.qteria.assessment.Assessment;
import com.qteria.assessment.AssessmentId;
import com.qteria.assessment.Feedback;
import com.qteria.assessment.Review;
import com.qteria.evaluation.Verdict;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * People's reviews of results (one per assessment and criterion) and their feedback on the machine's verdicts (kept
 * row by row). Callers have found the assessment in their organization first; every row carries its organization.
 */
@Repository
public class Reviews {

    private final JdbcClient jdbc;

    Reviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The reviews of an assessment by criterion key. */
    public Map<String, Review> of(AssessmentId id) {
        Map<String, Review> reviews = new HashMap<>();
        jdbc.sql("select * from assessment_reviews where assessment_id = :id").param("id", id.value())
                .query((rs, n) -> Map.entry(rs.getString("criterion_key"), new Review(verdict(rs.getString("verdict")),
                        rs.getString("comment"), new Review.Reviewer(rs.getObject("reviewer_id", UUID.class),
                                rs.getString("reviewer_name")),
                        rs.getObject("reviewed_at", OffsetDateTime.class).toInstant(),
                        carriedFrom(rs.getObject("carried_from", UUID.class)))))
                .list().forEach(e -> reviews.put(e.getKey(), e.getValue()));
        return reviews;
    }

    /** Stores the review of a criterion's result, replacing an earlier one. */
    public void save(Assessment assessment, String criterionKey, Review review) {
        delete(assessment.id(), criterionKey);
        jdbc.sql("""
                insert into assessment_reviews (assessment_id, criterion_key, organization_id, verdict, comment,
                    reviewer_id, reviewer_name, reviewed_at, carried_from)
                values (:id, :key, :tenant, :verdict, :comment, :reviewer, :name, :at, :carriedFrom)""")
                .param("id", assessment.id().value()).param("key", criterionKey)
                .param("tenant", assessment.tenant().value()).param("verdict", review.verdict().json())
                .param("comment", review.comment()).param("reviewer", review.by().id())
                .param("name", review.by().name()).param("at", time(review.at()))
                .param("carriedFrom", review.carriedFrom() == null ? null : review.carriedFrom().value())
                .update();
    }

    /** Removes every review of an assessment (a re-run's carried reviews, before they are carried again). */
    public void deleteAll(AssessmentId id) {
        jdbc.sql("delete from assessment_reviews where assessment_id = :id").param("id", id.value()).update();
    }

    /** Removes the review of a criterion's result; false when there was none. */
    public boolean delete(AssessmentId id, String criterionKey) {
        return jdbc.sql("delete from assessment_reviews where assessment_id = :id and criterion_key = :key")
                .param("id", id.value()).param("key", criterionKey).update() > 0;
    }

    public void saveFeedback(Assessment assessment, Feedback feedback) {
        jdbc.sql("""
                insert into assessment_feedback (id, assessment_id, criterion_key, organization_id, correct, comment,
                    machine_verdict, user_id, user_name, created_at)
                values (:feedbackId, :id, :key, :tenant, :correct, :comment, :machine, :user, :name, :at)""")
                .param("feedbackId", feedback.id()).param("id", assessment.id().value())
                .param("key", feedback.criterionKey()).param("tenant", assessment.tenant().value())
                .param("correct", feedback.correct()).param("comment", feedback.comment())
                .param("machine", feedback.machineVerdict().json()).param("user", feedback.by().id())
                .param("name", feedback.by().name()).param("at", time(feedback.at()))
                .update();
    }

    private static AssessmentId carriedFrom(UUID assessment) {
        return assessment == null ? null : new AssessmentId(assessment);
    }

    private static Verdict verdict(String json) {
        return Verdict.valueOf(json.toUpperCase(Locale.ROOT));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
