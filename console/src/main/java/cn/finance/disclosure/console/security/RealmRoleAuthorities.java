package cn.finance.disclosure.console.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The five business roles from the ID token's {@code realm_access.roles} (the finance-console client maps them into
 * the ID token) as {@code ROLE_<name>}, beside the authorities Spring Security gives an OIDC user.
 */
final class RealmRoleAuthorities implements GrantedAuthoritiesMapper {

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new HashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc
                    && oidc.getIdToken().getClaims().get("realm_access") instanceof Map<?, ?> access
                    && access.get("roles") instanceof List<?> roles) {
                roles.forEach(r -> mapped.add(new SimpleGrantedAuthority("ROLE_" + r)));
            }
        }
        return mapped;
    }
}
