package cn.finance.disclosure.budget.catalogs;

import cn.finance.disclosure.budget.catalog.CodeTable;

import java.time.Instant;
import java.util.List;

/** A year's catalog as staff read it: per kind where it came from and every code with its name. */
public record CatalogResponse(int fiscalYear, CodeList function, CodeList economic) {

    public record CodeList(String source, Instant uploadedAt, String uploadedBy, int size,
                           List<Code> codes) {
    }

    public record Code(String code, String name) {
    }

    static CatalogResponse of(Catalogs.Resolved resolved) {
        return new CatalogResponse(resolved.catalog().fiscalYear(),
                list(resolved.catalog().functionCodes(), resolved.function()),
                list(resolved.catalog().economicCodes(), resolved.economic()));
    }

    private static CodeList list(CodeTable table, Catalogs.Origin origin) {
        return new CodeList(origin.source(), origin.uploadedAt(), origin.uploadedBy(), table.size(),
                table.entries().entrySet().stream().map(e -> new Code(e.getKey(), e.getValue())).toList());
    }
}
