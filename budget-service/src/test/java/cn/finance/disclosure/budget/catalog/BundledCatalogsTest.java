package cn.finance.disclosure.budget.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BundledCatalogsTest {

    /** Every code of RULES-REFERENCE.md §4. */
    private static final List<String> REFERENCE_FUNCTION_CODES = List.of(
            "201", "20101", "20103", "2010301", "2010302", "2010350", "2010507", "20106", "20129", "2012901",
            "2012902", "2012950", "20132", "205", "20508", "2050803", "208", "20805", "2080501", "2080502",
            "2080505", "2080506", "2080801", "210", "21007", "2100717", "21011", "2101101", "2101102", "2101103",
            "212", "21201", "2120102", "213", "214", "221", "22102", "2210201", "2210202", "2210203");
    private static final List<String> REFERENCE_ECONOMIC_CODES = List.of(
            "301", "30101", "30102", "30103", "30106", "30107", "30108", "30109", "30110", "30111", "30112", "30113",
            "30114", "30199",
            "302", "30201", "30202", "30205", "30206", "30207", "30209", "30211", "30212", "30213", "30214", "30215",
            "30216", "30217", "30226", "30227", "30228", "30229", "30231", "30239", "30240", "30299",
            "303", "30301", "30302", "30304", "30305", "30307", "30309", "30399",
            "310", "31002", "31003", "31007", "31013", "31022", "31099");
    /** Every code of the seed fixture. */
    private static final List<String> SEED_FUNCTION_CODES = List.of(
            "2012901", "2012906", "2050803", "2080501", "2080505", "2080506", "2101101", "2210201");

    private final BundledCatalogs catalogs = new BundledCatalogs();

    @ParameterizedTest
    @ValueSource(ints = {2023, 2024, 2025})
    void shippedYearsHoldEveryReferenceAndSeedCodeWithItsParents(int year) {
        ClassificationCatalog catalog = catalogs.find(year).orElseThrow();

        assertThat(catalog.fiscalYear()).isEqualTo(year);
        for (String code : concat(REFERENCE_FUNCTION_CODES, SEED_FUNCTION_CODES)) {
            assertThat(catalog.contains(CodeKind.FUNCTION, code)).as(code).isTrue();
            assertThat(catalog.functionCodes().missingAncestors(code)).as(code).isEmpty();
        }
        for (String code : REFERENCE_ECONOMIC_CODES) {
            assertThat(catalog.contains(CodeKind.ECONOMIC, code)).as(code).isTrue();
            assertThat(catalog.economicCodes().missingAncestors(code)).as(code).isEmpty();
        }
    }

    @Test
    void tradeUnionAffairsIsAnItemUnderMassOrganisationAffairs() {
        ClassificationCatalog catalog = catalogs.find(2024).orElseThrow();

        assertThat(catalog.name(CodeKind.FUNCTION, "2012906")).contains("工会事务");
        assertThat(catalog.parentCode(CodeKind.FUNCTION, "2012906")).contains("20129");
        assertThat(catalog.name(CodeKind.FUNCTION, "20129")).contains("群众团体事务");
        assertThat(catalog.parentCode(CodeKind.FUNCTION, "20129")).contains("201");
        assertThat(catalog.name(CodeKind.FUNCTION, "201")).contains("一般公共服务支出");
        assertThat(catalog.parentCode(CodeKind.FUNCTION, "201")).isEmpty();
    }

    @Test
    void threePublicEconomicCodesHaveTheirNames() {
        ClassificationCatalog catalog = catalogs.find(2024).orElseThrow();

        assertThat(catalog.name(CodeKind.ECONOMIC, "30212")).contains("因公出国（境）费用");
        assertThat(catalog.name(CodeKind.ECONOMIC, "30217")).contains("公务接待费");
        assertThat(catalog.name(CodeKind.ECONOMIC, "30231")).contains("公务用车运行维护费");
        assertThat(catalog.name(CodeKind.ECONOMIC, "31013")).contains("公务用车购置");
    }

    @Test
    void unknownCodeHasNoName() {
        ClassificationCatalog catalog = catalogs.find(2024).orElseThrow();

        assertThat(catalog.contains(CodeKind.FUNCTION, "2019988")).isFalse();
        assertThat(catalog.name(CodeKind.FUNCTION, "2019988")).isEmpty();
        assertThat(catalog.contains(CodeKind.FUNCTION, null)).isFalse();
    }

    @Test
    void yearWithoutShippedListsIsEmpty() {
        assertThat(catalogs.find(2019)).isEmpty();
    }

    @Test
    void sameYearIsLoadedOnce() {
        assertThat(catalogs.find(2024).orElseThrow()).isSameAs(catalogs.find(2024).orElseThrow());
    }

    @Test
    void uploadedCatalogsComeFirstAndBundledOnesFillTheOtherYears() {
        ClassificationCatalog uploaded2024 = catalogs.find(2024).orElseThrow().withCodes(
                CatalogCsvParser.parse(CodeKind.ECONOMIC, "301,工资福利支出\n").orElseThrow());
        CatalogSource uploads = year -> year == 2024 ? java.util.Optional.of(uploaded2024) : java.util.Optional.empty();

        CatalogSource source = uploads.orElse(catalogs);

        assertThat(source.find(2024)).containsSame(uploaded2024);
        assertThat(source.find(2025)).isEqualTo(catalogs.find(2025));
        assertThat(source.find(2019)).isEmpty();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
