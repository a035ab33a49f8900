package cn.finance.disclosure.support.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@link RequestRoles} rule: the caller holds one of {@code roles}, or is refused with {@code detail}, the same
 * sentence the domain would give, so the answer reads the same whichever layer refuses.
 */
public record RoleFence(String detail, Set<String> roles) implements AuthorizationManager<RequestAuthorizationContext> {

    public static RoleFence of(String detail, String... roles) {
        return new RoleFence(detail, Set.of(roles));
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        boolean granted = caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a != null && a.startsWith("ROLE_") && roles.contains(a.substring(5)));
        return new Decision(granted, detail);
    }

    /** The decision, with the sentence the 403 answer gives. */
    public static final class Decision extends AuthorizationDecision {
        private final String detail;

        Decision(boolean granted, String detail) {
            super(granted);
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }
}
