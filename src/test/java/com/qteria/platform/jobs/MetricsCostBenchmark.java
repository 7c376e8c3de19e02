package com.qteria.platform.jobs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.qteria.support.QteriaTest;
import com.qteria.support.TestDatabase;
import com.qteria.support.WithOperator;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What operating metrics cost (docs/BENCHMARKS.md, "Metrics: what a scrape costs"): one reading of the job tables
 * (the three queries behind the job gauges and the {@code jobs} health component) and one scrape of
 * {@code /actuator/prometheus} (size, samples, time). Not in the suite (its name is no {@code *Tests}): run it with
 * {@code -Dtest=MetricsCostBenchmark -Dqteria.bench=true}; prints its figures.
 */
@QteriaTest
@WithOperator
class MetricsCostBenchmark {

    @Autowired
    JobSystem jobs;
    @Autowired
    MockMvc mvc;

    @Test
    void measure() throws Exception {
        assumeTrue(Boolean.getBoolean("qteria.bench"), "a benchmark: -Dqteria.bench=true");
        for (int i = 0; i < 200; i++) {
            jobs.read();
        }
        long[] reads = new long[1000];
        for (int i = 0; i < reads.length; i++) {
            long start = System.nanoTime();
            jobs.read();
            reads[i] = System.nanoTime() - start;
        }
        String body = "";
        for (int i = 0; i < 50; i++) {
            body = scrape();
        }
        long[] scrapes = new long[300];
        for (int i = 0; i < scrapes.length; i++) {
            long start = System.nanoTime();
            body = scrape();
            scrapes[i] = System.nanoTime() - start;
        }
        long samples = body.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).count();
        System.out.printf("BENCH database=%s job-tables-read median=%.2f ms p95=%.2f ms; scrape median=%.2f ms "
                        + "p95=%.2f ms, %,d bytes, %,d samples%n", TestDatabase.usePostgres() ? "postgres" : "h2",
                median(reads), p95(reads), median(scrapes), p95(scrapes), body.length(), samples);
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").header("Authorization", WithOperator.BEARER)).andReturn()
                .getResponse().getContentAsString();
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double p95(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) (sorted.length * 0.95)] / 1e6;
    }
}
