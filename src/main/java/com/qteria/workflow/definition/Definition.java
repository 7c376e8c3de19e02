package com.qteria.workflow.definition;

import com.qteria.workflow.Bucket;
import com.qteria.workflow.Criterion;
import java.util.List;

/** A validated workflow version: what gets stored. */
public record Definition(String name, String description, List<Bucket> buckets, List<Criterion> criteria) {
}
