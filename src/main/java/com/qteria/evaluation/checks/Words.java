package com.qteria.evaluation.checks;

import com.qteria.evaluation.Evidence;
import java.util.List;
import java.util.stream.Collectors;

/** How check explanations say things. */
final class Words {

    private Words() {
    }

    static String quoted(List<String> phrases) {
        return phrases.stream().map(p -> "\u201c" + p + "\u201d").collect(Collectors.joining(", "));
    }

    static String capitalize(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** " (pages 3, 4 have no readable text)" when the document has such pages, else "". */
    static String unread(DocumentText document) {
        List<Integer> pages = document.pagesWithoutText();
        if (pages.isEmpty()) {
            return "";
        }
        return pages.size() == 1 ? " (page " + pages.getFirst() + " has no readable text)"
                : " (pages " + pages.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + " have no readable text)";
    }

    /** "page 1" / "pages 1, 3" of the evidence in that document. */
    static String pages(List<Evidence> evidence, DocumentText document) {
        List<Integer> pages = evidence.stream().filter(e -> e.documentId().equals(document.document().id()))
                .map(Evidence::page).distinct().sorted().toList();
        return (pages.size() == 1 ? "page " : "pages ")
                + pages.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
