package com.qteria.workflow.definition;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Keys: stable, readable slugs ({@code test_reports}), derived from a name when a client gives none. */
public final class Slugs {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_]{0,63}");
    private static final int MAX = 64;

    private Slugs() {
    }

    /** A key from the name, unique among {@code taken} (which it joins). */
    public static String derive(String name, Set<String> taken, String fallback) {
        String base = slug(name);
        if (base.isEmpty()) {
            base = fallback;
        }
        String key = base;
        for (int n = 2; taken.contains(key); n++) {
            String suffix = "_" + n;
            key = base.substring(0, Math.min(base.length(), MAX - suffix.length())) + suffix;
        }
        taken.add(key);
        return key;
    }

    static String slug(String name) {
        if (name == null) {
            return "";
        }
        String german = name.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        String ascii = Normalizer.normalize(german, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > MAX) {
            slug = slug.substring(0, MAX).replaceAll("_+$", "");
        }
        return slug;
    }
}
