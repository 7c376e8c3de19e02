package com.qteria.evaluation.checks;

import com.qteria.evaluation.Evidence;
import java.util.List;

/** What check reasons say about evidence. */
final class Words {

    private Words() {
    }

    /** The pages of the evidence, in order, each once. */
    static List<Integer> pages(List<Evidence> evidence) {
        return evidence.stream().map(Evidence::page).distinct().sorted().toList();
    }
}
