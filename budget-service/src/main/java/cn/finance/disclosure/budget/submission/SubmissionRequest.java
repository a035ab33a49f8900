package cn.finance.disclosure.budget.submission;

import jakarta.validation.Valid;
import cn.finance.disclosure.support.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of POST /api/v1/budgets/{id}/submission: an explanation for each WARNING the validation reports, naming it by
 * rule id and path (the path only when the rule fires more than once). May be omitted when there is no warning.
 */
public record SubmissionRequest(
        @Size(max = 200, message = "说明最多200条")
        List<@NotNull(message = "说明不能为空") @Valid AcknowledgementRequest> acknowledgements) {

    public record AcknowledgementRequest(
            @NotBlank(message = "须指明所说明的警告规则编号")
            @Size(max = 100, message = "规则编号不能超过100个字符")
            @Pattern(regexp = "[A-Z0-9-]*", message = "规则编号格式不正确，例如 V06-REVENUE-EXPENDITURE-DELTA") String ruleId,
            /* Optional when the rule fires once: the rule id alone then names the warning. */
            @Size(max = 300, message = "位置不能超过300个字符") String path,
            @NotBlank(message = "须填写说明")
            @Size(max = 2000, message = "说明不能超过2000个字符")
            @PlainText(multiline = true) String explanation) {
    }

    List<Acknowledgement> toAcknowledgements() {
        return acknowledgements == null ? List.of() : acknowledgements.stream()
                .map(a -> new Acknowledgement(a.ruleId(), a.path(), a.explanation())).toList();
    }
}
