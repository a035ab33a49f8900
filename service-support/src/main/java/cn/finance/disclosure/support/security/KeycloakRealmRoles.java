package cn.finance.disclosure.support.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Keycloak puts realm roles under {@code realm_access.roles}; they become {@code ROLE_<role>} authorities. */
public final class KeycloakRealmRoles {

    public static final String CLAIM = "realm_access";

    private KeycloakRealmRoles() {
    }

    public static List<String> of(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get(CLAIM);
        if (!(realmAccess instanceof Map<?, ?> map) || !(map.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return of(jwt).stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }
}
