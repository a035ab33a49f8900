package cn.finance.disclosure.events.budget;

import java.util.Map;

/**
 * The names the year's classification catalog gives the codes a budget uses (its 项 and every 类 and 款 above them;
 * its economic 类 and 款), so documents print the bureau's names and never keep a table of their own.
 * {@code functionList}/{@code economicList} say whether each list is the bureau's {@code OFFICIAL} upload or the
 * bundled {@code REFERENCE} list (partial).
 */
public record ClassificationNames(
        int fiscalYear,
        String functionList,
        String economicList,
        Map<String, String> function,
        Map<String, String> economic) {

    public static final String OFFICIAL = "OFFICIAL";
    public static final String REFERENCE = "REFERENCE";

    public ClassificationNames {
        function = function == null ? Map.of() : Map.copyOf(function);
        economic = economic == null ? Map.of() : Map.copyOf(economic);
    }

    public static ClassificationNames none(int fiscalYear) {
        return new ClassificationNames(fiscalYear, null, null, Map.of(), Map.of());
    }
}
