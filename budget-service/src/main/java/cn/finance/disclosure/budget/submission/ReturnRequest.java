package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.support.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of POST /api/v1/budgets/{id}/return: why the budget goes back; the department's clerk reads it. */
public record ReturnRequest(
        @NotBlank(message = "退回须说明原因")
        @Size(max = 2000, message = "退回原因不能超过2000个字符")
        @PlainText(multiline = true) String reason) {
}
