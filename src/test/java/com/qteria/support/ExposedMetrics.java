package com.qteria.support;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one list of metric names (Prometheus form) that the application exposes at {@code /actuator/prometheus} and that
 * the alert rules, the dashboard, the runbooks and docs/operations.md may use. {@code PrometheusMetricsTests} checks the
 * application really exposes them; {@code AlertRulesTests} and {@code DashboardTests} check that the rules and the
 * dashboard use no other.
 */
public final class ExposedMetrics {

    /** Present from the start (counters of every outcome and reason are registered at 0). */
    public static final List<String> ALWAYS = List.of(
            "qteria_assessments_started_total",
            "qteria_assessments_finished_total",
            "qteria_assessment_duration_seconds_bucket", "qteria_assessment_duration_seconds_count",
            "qteria_assessment_duration_seconds_sum", "qteria_assessment_duration_seconds_max",
            "qteria_jobs_waiting", "qteria_jobs_oldest_waiting_age_seconds", "qteria_workers_alive",
            "qteria_documents_read_total", "qteria_documents_rejected_total",
            "qteria_extraction_duration_seconds_bucket", "qteria_extraction_duration_seconds_count",
            "qteria_extraction_duration_seconds_sum", "qteria_extraction_duration_seconds_max",
            "qteria_extraction_pages_total", "qteria_extraction_ocr_pages_total",
            "http_server_requests_seconds_bucket", "http_server_requests_seconds_count",
            "http_server_requests_seconds_sum", "http_server_requests_seconds_max",
            "hikaricp_connections", "hikaricp_connections_active", "hikaricp_connections_idle",
            "hikaricp_connections_pending", "hikaricp_connections_max", "hikaricp_connections_min",
            "hikaricp_connections_timeout_total",
            "disk_free_bytes", "disk_total_bytes",
            "jvm_memory_used_bytes", "jvm_memory_max_bytes", "jvm_memory_committed_bytes",
            "jvm_memory_usage_after_gc",
            "jvm_gc_pause_seconds_count", "jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_max",
            "jvm_threads_live_threads", "process_cpu_usage", "process_uptime_seconds");

    /** Registered with the first AI call of a provider and model (tags {@code provider}, {@code model}). */
    public static final List<String> AFTER_AI_CALL = List.of(
            "qteria_ai_calls_total", "qteria_ai_errors_total", "qteria_ai_tokens_total", "qteria_ai_cost_usd_total");

    /** Written by Prometheus itself for every target. */
    public static final List<String> FROM_PROMETHEUS = List.of("up");

    private static final Set<String> PROMQL_WORDS = Set.of("sum", "min", "max", "avg", "count", "stddev", "stdvar",
            "topk", "bottomk", "quantile", "count_values", "group", "by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "rate", "irate", "increase", "delta", "idelta",
            "deriv", "predict_linear", "histogram_quantile", "clamp_min", "clamp_max", "clamp", "abs", "ceil", "floor",
            "round", "absent", "absent_over_time", "avg_over_time", "max_over_time", "min_over_time", "sum_over_time",
            "count_over_time", "last_over_time", "time", "timestamp", "vector", "scalar", "label_replace", "label_join",
            "sort", "sort_desc", "changes", "resets", "exp", "ln", "log2", "log10", "sqrt", "e", "inf", "nan", "atan2");

    private ExposedMetrics() {
    }

    /** Every name the application or Prometheus provides. */
    public static Set<String> all() {
        return Stream.of(ALWAYS, AFTER_AI_CALL, FROM_PROMETHEUS).flatMap(List::stream).collect(Collectors.toSet());
    }

    /**
     * The metric names a PromQL expression reads: label matchers, strings, ranges, label lists of {@code by (…)} and
     * the like removed, what is left that is neither a PromQL word nor a number. Grafana's {@code $variables} and
     * {@code $__interval} are left out.
     */
    public static Set<String> usedBy(String expression) {
        String e = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\$\\{?\\w+}?", " ");
        Matcher names = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\\w(]|\\s*\\()").matcher(e);
        Set<String> found = new java.util.TreeSet<>();
        while (names.find()) {
            String name = names.group(1);
            if (!PROMQL_WORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                found.add(name);
            }
        }
        return found;
    }
}
