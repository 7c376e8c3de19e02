package com.qteria.assessment.persistence;

/** One criterion's finding as stored: its position in the workflow, the finding as JSON and its cache key. */
public record StoredFinding(String criterionKey, int position, String finding, String cacheKey) {
}
