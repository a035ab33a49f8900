package cn.finance.disclosure.support.security;

import cn.finance.disclosure.events.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;
import java.util.Optional;

/**
 * The caller as the domain sees it: who (issuer + subject), which realm roles, and which department the token ties
 * them to. Built only from a validated token.
 */
public record StaffUser(String issuer, String subject, String username, List<String> roles, String departmentCode) {

    public static final String DEPARTMENT_CLAIM = "department_code";

    public static StaffUser of(Jwt jwt) {
        String issuer = jwt.getIssuer() == null ? "" : jwt.getIssuer().toString();
        String username = Optional.ofNullable(jwt.getClaimAsString("preferred_username")).orElse(jwt.getSubject());
        return new StaffUser(issuer, jwt.getSubject(), username, KeycloakRealmRoles.of(jwt),
                jwt.getClaimAsString(DEPARTMENT_CLAIM));
    }

    public static StaffUser of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return of(token.getToken());
        }
        throw new IllegalStateException("not a bearer-token authentication");
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Bureau staff see every department; department staff only their own. */
    public boolean isBureauStaff() {
        return hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_REVIEWER, Roles.BUREAU_PUBLISHER);
    }

    public boolean belongsTo(String department) {
        return departmentCode != null && departmentCode.equals(department);
    }

    /** May this user read the objects of {@code department}? */
    public boolean canRead(String department) {
        return isBureauStaff() || belongsTo(department);
    }

    public Actor actor() {
        return new Actor(issuer, subject, username);
    }
}
