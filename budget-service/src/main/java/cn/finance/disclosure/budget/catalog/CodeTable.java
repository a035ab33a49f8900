package cn.finance.disclosure.budget.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** One code list of one kind (function or economic): code → name, immutable, ordered by code. */
public final class CodeTable {

    private final CodeKind kind;
    private final SortedMap<String, String> names;
    private final boolean official;

    private CodeTable(CodeKind kind, SortedMap<String, String> names, boolean official) {
        this.kind = kind;
        this.names = Collections.unmodifiableSortedMap(names);
        this.official = official;
    }

    /**
     * Whether this is the bureau's official list for the year (uploaded by bureau-admin) rather than a reference
     * list (the bundled lists: the codes a district body commonly uses, partial by design). A code missing from a
     * reference list may still be valid; one missing from an official list is not.
     */
    public boolean official() {
        return official;
    }

    /** The same codes marked as the bureau's official list. */
    public CodeTable asOfficial() {
        return new CodeTable(kind, names, true);
    }

    /**
     * A table from code → name. Every code must be well formed for {@code kind} and every name non-blank; callers
     * with untrusted input use {@link CatalogCsvParser}, which reports problems instead of throwing.
     */
    public static CodeTable of(CodeKind kind, Map<String, String> codeToName) {
        Objects.requireNonNull(kind, "kind");
        TreeMap<String, String> copy = new TreeMap<>();
        codeToName.forEach((code, name) -> {
            if (!kind.isWellFormed(code)) {
                throw new IllegalArgumentException(kind.label() + "编码“" + code + "”格式不正确，应为" + kind.formatDescription());
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(kind.label() + "编码“" + code + "”缺少名称");
            }
            copy.put(code, name.strip());
        });
        return new CodeTable(kind, copy, false);
    }

    public CodeKind kind() {
        return kind;
    }

    public boolean contains(String code) {
        return code != null && names.containsKey(code);
    }

    public Optional<String> name(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(names.get(code));
    }

    /** The code one level up (7→5→3 digits), whether or not it is listed; see {@link #missingAncestors}. */
    public Optional<String> parentCode(String code) {
        return kind.parentOf(code);
    }

    /** The levels above {@code code} that this table does not list, nearest first. */
    public List<String> missingAncestors(String code) {
        return kind.ancestorsOf(code).stream().filter(ancestor -> !names.containsKey(ancestor)).toList();
    }

    /** Every code with its name, ordered by code. */
    public SortedMap<String, String> entries() {
        return names;
    }

    public int size() {
        return names.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodeTable other && kind == other.kind && official == other.official
                && names.equals(other.names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, names, official);
    }

    @Override
    public String toString() {
        return kind + "[" + names.size() + " codes" + (official ? ", official" : ", reference") + "]";
    }
}
