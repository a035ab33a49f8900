package cn.finance.disclosure.model;

import java.util.Set;

/**
 * A clerk's free text as the documents use it. Words that only say "nothing here" (不适用, 无, /) are no input: a
 * sentence is never built on them ("主要用于不适用。"), and validation treats them as a missing text.
 */
public final class ClerkText {

    private static final Set<String> NOTHING = Set.of("不适用", "无", "暂无", "没有", "空", "略", "/", "-", "--", "—",
            "——", "n/a", "na", "none", "null", "无此项", "不涉及");

    private ClerkText() {
    }

    /** True for null, blank, or words that say there is nothing to say. */
    public static boolean isEmpty(String words) {
        if (words == null) {
            return true;
        }
        String w = words.strip();
        while (!w.isEmpty() && "。；;，,.、！!？? ".indexOf(w.charAt(w.length() - 1)) >= 0) {
            w = w.substring(0, w.length() - 1).strip();
        }
        return w.isEmpty() || NOTHING.contains(w.toLowerCase(java.util.Locale.ROOT));
    }
}
