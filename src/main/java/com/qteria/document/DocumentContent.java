package com.qteria.document;

import org.springframework.core.io.Resource;

/** The original bytes of a document, decrypted as they are read; the resource can be read more than once. */
public record DocumentContent(String filename, String mediaType, long sizeBytes, Resource resource) {
}
