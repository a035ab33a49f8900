package cn.finance.disclosure.department.profile;

import cn.finance.disclosure.support.security.RequestRoles;
import cn.finance.disclosure.support.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Profiles are written by department clerks (their own department, checked in {@link ProfileService}) and bureau admins. */
@Component
class ProfileRoles implements RequestRoles {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.PUT, "/api/v1/departments/*/profiles/*")
                .hasAnyRole(Roles.DEPARTMENT_CLERK, Roles.BUREAU_ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/departments/*/profiles/*/copy-of-previous-year")
                .hasAnyRole(Roles.DEPARTMENT_CLERK, Roles.BUREAU_ADMIN);
    }
}
