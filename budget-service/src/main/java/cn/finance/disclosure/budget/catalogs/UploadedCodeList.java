package cn.finance.disclosure.budget.catalogs;

import cn.finance.disclosure.budget.catalog.CodeKind;
import cn.finance.disclosure.budget.catalog.CodeTable;
import cn.finance.disclosure.events.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An official code list of one kind for one fiscal year, as a bureau-admin uploaded it (parsed, code order). */
@Document("catalogs")
public class UploadedCodeList {

    @Id
    private String id;
    private int fiscalYear;
    private CodeKind kind;
    private List<Entry> entries;
    private Instant uploadedAt;
    private Actor uploadedBy;
    @Version
    private Long version;

    record Entry(String code, String name) {
    }

    protected UploadedCodeList() {
    }

    static String idOf(int fiscalYear, CodeKind kind) {
        return fiscalYear + "-" + kind.name().toLowerCase(Locale.ROOT);
    }

    static UploadedCodeList of(int fiscalYear, CodeTable table) {
        UploadedCodeList list = new UploadedCodeList();
        list.id = idOf(fiscalYear, table.kind());
        list.fiscalYear = fiscalYear;
        list.kind = table.kind();
        return list;
    }

    /** Replaces the list (a newer official list of the same year and kind). */
    void replace(CodeTable table, Actor by, Instant now) {
        entries = table.entries().entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue())).toList();
        uploadedAt = now;
        uploadedBy = by;
    }

    CodeTable table() {
        Map<String, String> names = new LinkedHashMap<>();
        entries.forEach(e -> names.put(e.code(), e.name()));
        return CodeTable.of(kind, names).asOfficial();
    }

    int fiscalYear() {
        return fiscalYear;
    }

    CodeKind kind() {
        return kind;
    }

    int size() {
        return entries.size();
    }

    Instant uploadedAt() {
        return uploadedAt;
    }

    Actor uploadedBy() {
        return uploadedBy;
    }
}
