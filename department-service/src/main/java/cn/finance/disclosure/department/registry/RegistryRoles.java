package cn.finance.disclosure.department.registry;

import cn.finance.disclosure.support.security.RequestRoles;
import cn.finance.disclosure.support.security.RoleFence;
import cn.finance.disclosure.support.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Only a bureau admin registers departments: others get 403 before their body is read. */
@Component
class RegistryRoles implements RequestRoles {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/v1/departments")
                .access(RoleFence.of("只有财政局管理员可以登记预算单位", Roles.BUREAU_ADMIN));
    }
}
