package cn.finance.disclosure.budget.validation;

import cn.finance.disclosure.events.Yuan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One result of validating a budget submission.
 *
 * @param ruleId   stable id of the check, see {@link RuleIds} (e.g. {@code V06-REVENUE-EXPENDITURE-DELTA}); together
 *                 with {@code path} it identifies the finding for acknowledgements
 * @param severity ERROR blocks submission, WARNING needs an explanation or acknowledgement, INFO is shown
 * @param message  what is wrong and what to do, in Chinese, for the unit's clerk
 * @param figures  the figures involved, in a stable order: {@link Yuan} for exact yuan amounts (a change against the
 *                 prior year may be negative), {@link String} for everything else (万元 texts such as "276.63",
 *                 codes, counts, years). Keys ending in {@code WanYuan} hold 万元 as documents print them.
 * @param path     where it points in the submission, JSON-pointer-ish: {@code expenditureLines[3].functionCode},
 *                 {@code revenue}, {@code threePublicExpenses.officialReception}
 */
public record Finding(String ruleId, Severity severity, String message, Map<String, Object> figures, String path) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
        Map<String, Object> copy = new LinkedHashMap<>();
        if (figures != null) {
            figures.forEach((name, value) -> {
                if (!(value instanceof Yuan) && !(value instanceof String)) {
                    throw new IllegalArgumentException("figure " + name + " must be Yuan or String: " + value);
                }
                copy.put(Objects.requireNonNull(name, "figure name"), value);
            });
        }
        figures = Collections.unmodifiableMap(copy);
    }
}
