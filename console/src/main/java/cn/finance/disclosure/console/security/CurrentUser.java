package cn.finance.disclosure.console.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Set;
import java.util.stream.Collectors;

/** Who is signed in, as pages need it: user name, display name, business roles and department code (if any). */
public record CurrentUser(String username, String displayName, Set<String> roles, String departmentCode) {

    public static CurrentUser of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
        // Chinese order: family name, then given name (Keycloak's "name" claim puts the given name first)
        String name = user.getFamilyName() != null && user.getGivenName() != null
                ? user.getFamilyName() + user.getGivenName()
                : user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
        return new CurrentUser(user.getPreferredUsername(), name, roles, user.getClaimAsString("department_code"));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean clerk() {
        return has("department-clerk");
    }

    public boolean head() {
        return has("department-head");
    }

    public boolean reviewer() {
        return has("bureau-reviewer");
    }

    public boolean publisher() {
        return has("bureau-publisher");
    }

    public boolean admin() {
        return has("bureau-admin");
    }
}
