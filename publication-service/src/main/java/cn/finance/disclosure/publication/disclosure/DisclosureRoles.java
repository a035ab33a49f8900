package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.support.security.RequestRoles;
import cn.finance.disclosure.support.security.RoleFence;
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
        rules.requestMatchers(HttpMethod.POST, "/api/v1/publications/*/confirmation")
                .access(RoleFence.of("只有本单位负责人（department-head）可以确认公开草稿", Roles.DEPARTMENT_HEAD))
                .requestMatchers(HttpMethod.POST, "/api/v1/publications/*/release")
                .access(RoleFence.of("只有财政局公开专员（bureau-publisher）可以发布公开文本", Roles.BUREAU_PUBLISHER))
                .requestMatchers(HttpMethod.POST, "/api/v1/publications/*/correction")
                .access(RoleFence.of("只有财政局公开专员（bureau-publisher）可以更正发布公开文本", Roles.BUREAU_PUBLISHER))
                .requestMatchers(HttpMethod.POST, "/api/v1/publications/*/withdrawal")
                .access(RoleFence.of("只有财政局公开专员（bureau-publisher）可以撤回公开文本", Roles.BUREAU_PUBLISHER));
    }
}
