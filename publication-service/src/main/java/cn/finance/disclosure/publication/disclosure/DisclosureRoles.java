package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.support.security.RequestRoles;
import cn.finance.disclosure.support.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Heads confirm, publishers release, correct and withdraw; department scoping and separation of duties stay in {@link PublicationService}. */
@Component
class DisclosureRoles implements RequestRoles {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/v1/publications/*/confirmation").hasRole(Roles.DEPARTMENT_HEAD)
                .requestMatchers(HttpMethod.POST, "/api/v1/publications/*/release", "/api/v1/publications/*/correction",
                        "/api/v1/publications/*/withdrawal").hasRole(Roles.BUREAU_PUBLISHER);
    }
}
