package cn.finance.disclosure.model;

import java.util.Map;

/**
 * The names the year's classification catalog gives the codes a budget uses (its 项 and every 类 and 款 above them;
 * its economic 类 and 款), as an approval carried them, so documents print the bureau's names. The content twin of
 * {@code budget.approved.v2}'s {@link cn.finance.disclosure.events.budget.ClassificationNames}, mapped in
 * {@link BudgetPayloads}. {@code functionList}/{@code economicList} say whether each list is the bureau's
 * {@code OFFICIAL} upload or the bundled {@code REFERENCE} list (partial).
 */
public record CodeNames(
        int fiscalYear,
        String functionList,
        String economicList,
        Map<String, String> function,
        Map<String, String> economic) {

    public static final String OFFICIAL = "OFFICIAL";
    public static final String REFERENCE = "REFERENCE";

    public CodeNames {
        function = function == null ? Map.of() : Map.copyOf(function);
        economic = economic == null ? Map.of() : Map.copyOf(economic);
    }
}
