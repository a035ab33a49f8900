package cn.finance.disclosure.department.profile;

import cn.finance.disclosure.support.security.RequestRoles;
import cn.finance.disclosure.support.security.RoleFence;
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
        RoleFence maintainers = RoleFence.of("只有本单位经办人或财政局管理员可以维护单位基本情况",
                Roles.DEPARTMENT_CLERK, Roles.BUREAU_ADMIN);
        rules.requestMatchers(HttpMethod.PUT, "/api/v1/departments/*/profiles/*").access(maintainers)
                .requestMatchers(HttpMethod.POST, "/api/v1/departments/*/profiles/*/copy-of-previous-year")
                .access(maintainers);
    }
}
