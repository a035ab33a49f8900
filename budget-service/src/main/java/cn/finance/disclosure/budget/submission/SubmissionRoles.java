package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.support.security.RequestRoles;
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
        rules.requestMatchers(HttpMethod.POST, "/api/v1/budgets").hasRole(Roles.DEPARTMENT_CLERK)
                .requestMatchers(HttpMethod.PUT, "/api/v1/budgets/*").hasRole(Roles.DEPARTMENT_CLERK)
                .requestMatchers(HttpMethod.POST, "/api/v1/budgets/*/submission", "/api/v1/budgets/*/revisions")
                .hasRole(Roles.DEPARTMENT_CLERK)
                .requestMatchers(HttpMethod.POST, "/api/v1/budgets/*/approval", "/api/v1/budgets/*/return")
                .hasRole(Roles.BUREAU_REVIEWER);
    }
}
