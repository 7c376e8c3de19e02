package com.qteria.document.extraction.pdf;

import com.qteria.document.extraction.Deadline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Walks the page tree before anything is read, without recursion, remembering every node: a tree whose /Kids point
 * back to a node already seen (a loop), or that nests deeper than {@value #MAX_DEPTH} levels, is rebuilt in memory
 * as a flat list of the pages that were reached, their inherited attributes copied onto them. PDFBox then sees the
 * same pages we do (its own walk recurses, and reads the pages of a loop twice), every later lookup is shallow, and
 * the document's warnings say that pages may be missing: such a file is ready, never silently incomplete.
 */
final class PageTree {

    /** Real trees are a handful of levels deep (a balanced tree of 2,000 pages has about four). */
    static final int MAX_DEPTH = 1_000;
    private static final List<COSName> INHERITED = List.of(COSName.RESOURCES, COSName.MEDIA_BOX, COSName.CROP_BOX,
            COSName.ROTATE);

    /** A page or a node of the tree, with the attributes it inherits from the nodes above it. */
    private record Node(COSDictionary dictionary, int depth, Map<COSName, COSBase> inherited) {
    }

    private final Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Node> pages = new ArrayList<>();
    private final Deadline deadline;
    private boolean loops;
    private boolean tooDeep;

    private PageTree(Deadline deadline) {
        this.deadline = deadline;
    }

    /** Checks the tree and, if it loops or nests too deeply, rebuilds it and says so in the warnings. */
    static void check(PDDocument document, Deadline deadline, ExtractionWarnings warnings) {
        COSDictionary root = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES);
        if (root == null) {
            return;
        }
        PageTree tree = new PageTree(deadline);
        tree.walk(root);
        if (!tree.loops && !tree.tooDeep) {
            return;
        }
        tree.flatten(root);
        String reached = String.format(Locale.ROOT, tree.pages.size() == 1 ? "the %,d page that could be reached was"
                : "the %,d pages that could be reached were", tree.pages.size());
        if (tree.loops) {
            warnings.document("The document's page tree refers back to itself, so pages may be missing: only "
                    + reached + " read.");
        }
        if (tree.tooDeep) {
            warnings.document(String.format(Locale.ROOT, "The document's page tree is nested more than %,d levels "
                    + "deep: pages below that depth were not read, only ", MAX_DEPTH) + reached + " read.");
        }
    }

    /** Depth first, in document order, as PDFBox does: a node with /Kids is a node, else a page if typed /Page. */
    private void walk(COSDictionary root) {
        Deque<Node> stack = new ArrayDeque<>();
        seen.add(root);
        stack.push(new Node(root, 0, inherit(Map.of(), root)));
        int visited = 0;
        while (!stack.isEmpty()) {
            if ((++visited & 0xFF) == 0) {
                deadline.check();
            }
            Node node = stack.pop();
            COSDictionary dictionary = node.dictionary();
            if (!isNode(dictionary)) {
                if (COSName.PAGE.equals(dictionary.getCOSName(COSName.TYPE))) {
                    pages.add(node);
                }
                continue;
            }
            if (node.depth() >= MAX_DEPTH) {
                tooDeep = true;
                continue;
            }
            List<Node> kids = kids(node);
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
    }

    private List<Node> kids(Node node) {
        COSArray array = node.dictionary().getCOSArray(COSName.KIDS);
        List<Node> kids = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            if (array.getObject(i) instanceof COSDictionary kid) {
                if (isNode(kid) && !seen.add(kid)) {
                    loops = true;
                } else {
                    kids.add(new Node(kid, node.depth() + 1, isNode(kid) ? inherit(node.inherited(), kid)
                            : node.inherited()));
                }
            }
        }
        return kids;
    }

    private static boolean isNode(COSDictionary dictionary) {
        return COSName.PAGES.equals(dictionary.getCOSName(COSName.TYPE)) || dictionary.containsKey(COSName.KIDS);
    }

    private static Map<COSName, COSBase> inherit(Map<COSName, COSBase> above, COSDictionary node) {
        Map<COSName, COSBase> inherited = null;
        for (COSName key : INHERITED) {
            COSBase value = node.getItem(key);
            if (value != null) {
                inherited = inherited == null ? new HashMap<>(above) : inherited;
                inherited.put(key, value);
            }
        }
        return inherited == null ? above : inherited;
    }

    private void flatten(COSDictionary root) {
        COSArray kids = new COSArray();
        for (Node node : pages) {
            COSDictionary page = node.dictionary();
            node.inherited().forEach((key, value) -> {
                if (!page.containsKey(key)) {
                    page.setItem(key, value);
                }
            });
            page.setItem(COSName.PARENT, root);
            kids.add(page);
        }
        root.setItem(COSName.KIDS, kids);
        root.setInt(COSName.COUNT, pages.size());
    }
}
