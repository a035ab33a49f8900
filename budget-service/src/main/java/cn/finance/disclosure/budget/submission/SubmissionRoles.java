package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.support.security.RequestRoles;
import cn.finance.disclosure.support.security.RoleFence;
import cn.finance.disclosure.support.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Clerks write and submit budgets, reviewers approve and return them; the department check stays in {@link BudgetService}. */
@Component
class SubmissionRoles implements RequestRoles {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/v1/budgets")
                .access(RoleFence.of("只有单位经办人可以编制预算", Roles.DEPARTMENT_CLERK))
                .requestMatchers(HttpMethod.PUT, "/api/v1/budgets/*")
                .access(RoleFence.of("只有本单位经办人可以修改预算", Roles.DEPARTMENT_CLERK))
                .requestMatchers(HttpMethod.POST, "/api/v1/budgets/*/submission")
                .access(RoleFence.of("只有本单位经办人可以提交预算", Roles.DEPARTMENT_CLERK))
                .requestMatchers(HttpMethod.POST, "/api/v1/budgets/*/revisions")
                .access(RoleFence.of("只有本单位经办人可以发起修订预算", Roles.DEPARTMENT_CLERK))
                .requestMatchers(HttpMethod.POST, "/api/v1/budgets/*/approval")
                .access(RoleFence.of("只有财政局预算审核人员可以批准预算", Roles.BUREAU_REVIEWER))
                .requestMatchers(HttpMethod.POST, "/api/v1/budgets/*/return")
                .access(RoleFence.of("只有财政局预算审核人员可以退回预算", Roles.BUREAU_REVIEWER));
    }
}
