package cn.finance.disclosure.budget.catalogs;

import cn.finance.disclosure.support.security.RequestRoles;
import cn.finance.disclosure.support.security.RoleFence;
import cn.finance.disclosure.support.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Only a bureau admin uploads a year's catalogs: others get 403 before the CSV is read. */
@Component
class CatalogRoles implements RequestRoles {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.PUT, "/api/v1/budgets/catalogs/**")
                .access(RoleFence.of("只有财政局管理员可以上传科目表", Roles.BUREAU_ADMIN));
    }
}
