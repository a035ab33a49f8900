package cn.finance.disclosure.budget.catalog;

import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.events.budget.ClassificationNames;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The catalog names an approval carries to the publication side (budget.approved.v2): for every function code the
 * budget uses, the names of its 项, 款 and 类; for every economic code, its 款 and 类. A 项 the catalog does not list
 * (possible against a partial reference list) keeps the name the clerk gave it.
 */
public final class CatalogNames {

    private CatalogNames() {
    }

    public static ClassificationNames of(ClassificationCatalog catalog, BudgetContent budget) {
        Map<String, String> function = new TreeMap<>();
        Map<String, String> economic = new TreeMap<>();
        if (budget.expenditureLines() != null) {
            budget.expenditureLines().stream().filter(Objects::nonNull)
                    .forEach(l -> add(catalog.functionCodes(), CodeKind.FUNCTION, l.functionCode(), function));
        }
        if (budget.projects() != null) {
            budget.projects().stream().filter(Objects::nonNull)
                    .forEach(p -> add(catalog.functionCodes(), CodeKind.FUNCTION, p.functionCode(), function));
        }
        if (budget.basicExpenditureByEconomicClass() != null) {
            budget.basicExpenditureByEconomicClass().stream().filter(Objects::nonNull)
                    .forEach(e -> add(catalog.economicCodes(), CodeKind.ECONOMIC, e.economicCode(), economic));
        }
        return new ClassificationNames(catalog.fiscalYear(), status(catalog.functionCodes()),
                status(catalog.economicCodes()), function, economic);
    }

    private static void add(CodeTable table, CodeKind kind, String code, Map<String, String> names) {
        if (code == null || !kind.isWellFormed(code)) {
            return;
        }
        table.name(code).ifPresent(name -> names.put(code, name));
        for (String ancestor : kind.ancestorsOf(code)) {
            table.name(ancestor).ifPresent(name -> names.put(ancestor, name));
        }
    }

    private static String status(CodeTable table) {
        return table.official() ? ClassificationNames.OFFICIAL : ClassificationNames.REFERENCE;
    }
}
