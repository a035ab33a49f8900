package cn.finance.disclosure.budget.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The catalogs shipped with the product: {@code /catalog/{year}/function-codes.csv} and {@code economic-codes.csv}
 * on the classpath. They hold the codes a district body commonly uses, not the whole official list; a bureau-admin
 * uploads that (see {@link CatalogCsvParser}). A shipped list that does not parse cleanly is a defect of the build,
 * so it fails loudly instead of being reported as findings.
 */
public final class BundledCatalogs implements CatalogSource {

    static final String FUNCTION_CODES = "/catalog/%d/function-codes.csv";
    static final String ECONOMIC_CODES = "/catalog/%d/economic-codes.csv";

    private final ConcurrentMap<Integer, Optional<ClassificationCatalog>> loaded = new ConcurrentHashMap<>();

    @Override
    public Optional<ClassificationCatalog> find(int fiscalYear) {
        return loaded.computeIfAbsent(fiscalYear, BundledCatalogs::load);
    }

    private static Optional<ClassificationCatalog> load(int fiscalYear) {
        Optional<String> function = read(FUNCTION_CODES.formatted(fiscalYear));
        Optional<String> economic = read(ECONOMIC_CODES.formatted(fiscalYear));
        if (function.isEmpty() && economic.isEmpty()) {
            return Optional.empty();
        }
        if (function.isEmpty() || economic.isEmpty()) {
            throw new IllegalStateException("bundled catalog " + fiscalYear + " is missing one of its two lists");
        }
        CatalogParseResult<ClassificationCatalog> result =
                CatalogCsvParser.parseCatalog(fiscalYear, function.get(), economic.get());
        if (!result.accepted() || !result.problems().isEmpty()) {
            throw new IllegalStateException("bundled catalog " + fiscalYear + " is not clean: " + result.problems());
        }
        return Optional.of(result.orElseThrow());
    }

    private static Optional<String> read(String resource) {
        try (InputStream in = BundledCatalogs.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
