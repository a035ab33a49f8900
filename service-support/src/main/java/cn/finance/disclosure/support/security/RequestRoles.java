package cn.finance.disclosure.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which roles may call a staff endpoint at all, declared by the feature that owns it and checked in the filter chain:
 * a caller without the role gets 403 before the body is read or validated, so a refusal never tells the field list.
 * Department scoping and separation of duties stay in the domain; this is only the outer, role-only fence.
 */
@FunctionalInterface
public interface RequestRoles {

    void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
