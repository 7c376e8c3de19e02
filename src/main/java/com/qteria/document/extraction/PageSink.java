package com.qteria.document.extraction;

import java.io.IOException;

/** Receives the pages of a document in order, one at a time, as they are extracted. */
@FunctionalInterface
public interface PageSink {

    void accept(ExtractedPage page) throws IOException;
}
