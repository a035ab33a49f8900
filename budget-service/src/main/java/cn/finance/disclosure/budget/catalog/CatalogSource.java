package cn.finance.disclosure.budget.catalog;

import java.util.Optional;

/** Where the catalog of a fiscal year comes from: the bundled lists, or an official list a bureau-admin uploaded. */
@FunctionalInterface
public interface CatalogSource {

    Optional<ClassificationCatalog> find(int fiscalYear);

    /** This source first, {@code fallback} for years it does not know (uploaded lists over the bundled ones). */
    default CatalogSource orElse(CatalogSource fallback) {
        return fiscalYear -> find(fiscalYear).or(() -> fallback.find(fiscalYear));
    }
}
