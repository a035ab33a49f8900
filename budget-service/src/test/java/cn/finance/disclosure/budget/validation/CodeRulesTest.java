package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.budget.catalog.ClassificationCatalog;
import cn.finance.disclosure.budget.catalog.CodeKind;
import cn.finance.disclosure.budget.catalog.CodeTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static cn.finance.disclosure.budget.validation.SeedBudgets.*;
import static org.assertj.core.api.Assertions.assertThat;

class CodeRulesTest {

    @Test
    void classLevelFunctionCodeOnALineIsAnErrorAskingForTheItem() {
        List<Finding> findings = validate(edited(t -> set(t, "expenditureLines[2].functionCode", "205")));

        // the class view is undefined with a non-item code, so the rounding information is not computed
        assertThat(keys(findings)).containsExactly(
                "V03-FUNCTION-CODE-FORMAT@expenditureLines[2].functionCode", "V06-REVENUE-EXPENDITURE-DELTA@priorYear");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(findings.get(0).message()).contains("类级科目", "7位");
    }

    @Test
    void malformedFunctionCodeIsAnError() {
        assertThat(keysOf(t -> set(t, "expenditureLines[2].functionCode", "20508a3")))
                .contains("V03-FUNCTION-CODE-FORMAT@expenditureLines[2].functionCode");
    }

    @Test
    void givenAValidItemMissingFromTheBundledReferenceList_thenAWarningSaysTheOfficialListIsNotLoaded() {
        // 2140106 公路养护 is a 2024 item; the bundled list is a partial reference list without it.
        assertThat(CATALOG_2024.functionCodes().contains("2140106")).isFalse();
        List<Finding> fresh = newFindings(t -> {
            set(t, "expenditureLines[2].functionCode", "2140106");
            set(t, "expenditureLines[2].functionName", "公路养护");
        });

        assertThat(keys(fresh)).containsExactly("V03-FUNCTION-CODE-NOT-IN-REFERENCE@expenditureLines[2].functionCode");
        assertThat(fresh.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(fresh.get(0).message()).contains("参考科目表").contains("财政局尚未加载2024年正式科目表");
        assertThat(fresh.get(0).figures()).containsEntry("functionCode", "2140106").containsEntry("list", "REFERENCE");
    }

    @Test
    void givenAnItemMissingFromTheOfficialList_thenAnError() {
        ClassificationCatalog official = CATALOG_2024.withCodes(CATALOG_2024.functionCodes().asOfficial());

        List<Finding> findings = new BudgetValidator().validate(edited(t ->
                set(t, "expenditureLines[2].functionCode", "2140106")), official);

        assertThat(keys(findings)).contains("V03-FUNCTION-CODE-UNKNOWN@expenditureLines[2].functionCode");
        assertThat(only(findings, "V03-FUNCTION-CODE-UNKNOWN").severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void givenAnItemWhoseSectionDoesNotExist_thenAnErrorEvenAgainstTheReferenceList() {
        List<Finding> fresh = newFindings(t -> set(t, "expenditureLines[2].functionCode", "2059888"));

        assertThat(keys(fresh)).containsExactly("V03-FUNCTION-CODE-UNKNOWN@expenditureLines[2].functionCode");
        assertThat(fresh.get(0).figures()).containsEntry("functionCode", "2059888").containsEntry("fiscalYear", "2024");
    }

    @Test
    void itemCodeWhoseSectionIsMissingFromTheCatalogIsAnError() {
        TreeMap<String, String> functions = new TreeMap<>(CATALOG_2024.functionCodes().entries());
        functions.remove("20129");
        ClassificationCatalog withoutSection =
                CATALOG_2024.withCodes(CodeTable.of(CodeKind.FUNCTION, functions));

        List<Finding> findings = new BudgetValidator().validate(seed(), withoutSection);

        assertThat(keys(findings)).contains(
                "V03-FUNCTION-CODE-PARENT-UNKNOWN@expenditureLines[0].functionCode",
                "V03-FUNCTION-CODE-PARENT-UNKNOWN@expenditureLines[1].functionCode");
        assertThat(only(findings.subList(0, 1), "V03-FUNCTION-CODE-PARENT-UNKNOWN").figures())
                .containsEntry("missingParents", "20129");
    }

    @Test
    void functionNameDifferentFromTheCatalogIsAWarning() {
        List<Finding> fresh = newFindings(t -> set(t, "expenditureLines[1].functionName", "群众团体事务"));

        assertThat(keys(fresh)).containsExactly("V03-FUNCTION-NAME-MISMATCH@expenditureLines[1].functionName");
        assertThat(fresh.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(fresh.get(0).figures()).containsEntry("catalogName", "工会事务");
    }

    @Test
    void namesCompareAlikeWithHalfWidthParenthesesAndSpaces() {
        assertThat(CodeRules.normalized("政府办公厅(室)及相关机构事务 "))
                .isEqualTo(CodeRules.normalized("政府办公厅（室）及相关机构事务"));
    }

    @Test
    void malformedEconomicCodeIsAnError() {
        assertThat(keys(newFindings(t -> set(t, "basicExpenditureByEconomicClass[2].economicCode", "3030"))))
                .containsExactly("V03-ECONOMIC-CODE-FORMAT@basicExpenditureByEconomicClass[2].economicCode");
    }

    @Test
    void economicClassMissingFromTheCatalogIsAnError() {
        assertThat(keys(newFindings(t -> set(t, "basicExpenditureByEconomicClass[2].economicCode", "304"))))
                .containsExactly("V03-ECONOMIC-CODE-UNKNOWN@basicExpenditureByEconomicClass[2].economicCode");
    }

    @Test
    void economicSectionMissingFromTheReferenceListIsAWarning() {
        assertThat(keys(newFindings(t -> set(t, "basicExpenditureByEconomicClass[2].economicCode", "30388"))))
                .containsExactly("V03-ECONOMIC-CODE-NOT-IN-REFERENCE@basicExpenditureByEconomicClass[2].economicCode");
    }

    @Test
    void economicSectionWhoseClassIsMissingFromTheCatalogIsAnError() {
        TreeMap<String, String> economic = new TreeMap<>(CATALOG_2024.economicCodes().entries());
        economic.remove("303");
        ClassificationCatalog withoutClass = CATALOG_2024.withCodes(CodeTable.of(CodeKind.ECONOMIC, economic));

        List<Finding> findings = new BudgetValidator().validate(edited(t -> {
            set(t, "basicExpenditureByEconomicClass[2].economicCode", "30301");
            set(t, "basicExpenditureByEconomicClass[2].economicName", "离休费");
        }), withoutClass);

        assertThat(keys(findings)).containsExactly(
                "V03-ECONOMIC-CODE-PARENT-UNKNOWN@basicExpenditureByEconomicClass[2].economicCode",
                "V06-REVENUE-EXPENDITURE-DELTA@priorYear",
                "V03-ROUNDING-FUNCTION-CLASSES@expenditureLines");
    }

    @Test
    void economicCodeListedTwiceIsAnError() {
        assertThat(keys(newFindings(t -> addEconomic(t, "303", "对个人和家庭的补助", "0.00"))))
                .containsExactly("V03-ECONOMIC-CODE-DUPLICATE@basicExpenditureByEconomicClass[3].economicCode");
    }

    @Test
    void economicNameDifferentFromTheCatalogIsAWarning() {
        List<Finding> fresh = newFindings(t -> set(t, "basicExpenditureByEconomicClass[1].economicName", "商品服务支出"));

        assertThat(keys(fresh)).containsExactly("V03-ECONOMIC-NAME-MISMATCH@basicExpenditureByEconomicClass[1].economicName");
        assertThat(fresh.get(0).severity()).isEqualTo(Severity.WARNING);
    }
}
