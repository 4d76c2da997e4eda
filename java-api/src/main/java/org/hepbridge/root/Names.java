package org.hepbridge.root;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Nearest-name suggestions for "unknown name" messages. */
final class Names {
    private static final int MAX_SUGGESTIONS = 5;

    private Names() {
    }

    /** Up to five names closest to {@code wanted} by edit distance, closest first. */
    static List<String> nearest(String wanted, Collection<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingInt((String n) -> score(wanted, n))
                .thenComparing(Comparator.naturalOrder()));
        return sorted.subList(0, Math.min(MAX_SUGGESTIONS, sorted.size()));
    }

    /** Message tail: {@code "; nearest: a, b, c"} or a note that there is nothing. */
    static String suggest(String wanted, Collection<String> names) {
        if (names.isEmpty()) {
            return "; there are none";
        }
        return "; nearest: " + String.join(", ", nearest(wanted, names));
    }

    private static int score(String a, String b) {
        int d = distance(a.toLowerCase(), b.toLowerCase());
        // A name that contains the request (or the reverse) is a likelier match.
        boolean contains = b.toLowerCase().contains(a.toLowerCase())
                || a.toLowerCase().contains(b.toLowerCase());
        return contains ? d : d + 2;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
