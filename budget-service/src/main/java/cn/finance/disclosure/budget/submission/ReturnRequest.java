package cn.finance.disclosure.budget.submission;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of POST /api/v1/budgets/{id}/return: why the budget goes back; the department's clerk reads it. */
public record ReturnRequest(
        @NotBlank(message = "退回须说明原因")
        @Size(max = 2000, message = "退回原因不能超过2000个字符")
        @Pattern(regexp = "(?!.*(?:<\\s*[A-Za-z/!?]|(?i:javascript\\s*:)))[\\P{Cc}\\r\\n\\t]*", flags = Pattern.Flag.DOTALL,
                message = "不能包含控制字符（换行除外）或 HTML 标记") String reason) {
}
