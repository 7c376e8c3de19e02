package com.qteria.workflow;

import java.util.UUID;

/** A place for one kind of document ("Test reports"). The key is stable across versions; so is the id. */
public record Bucket(UUID id, String key, String name, boolean required, int order) {
}
