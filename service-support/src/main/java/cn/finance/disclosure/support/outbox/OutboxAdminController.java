package cn.finance.disclosure.support.outbox;

import cn.finance.disclosure.support.security.Roles;
import cn.finance.disclosure.support.security.StaffUser;
import cn.finance.disclosure.support.web.DomainException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Lets a bureau administrator see the events this service could not publish (each service mounts it under its own
 * API path, {@code finance.outbox.admin-path}).
 */
@RestController
@ConditionalOnProperty("finance.outbox.admin-path")
class OutboxAdminController {

    private final OutboxRelay relay;

    OutboxAdminController(OutboxRelay relay) {
        this.relay = relay;
    }

    /** The answer: every failed message, oldest first. */
    record Failures(List<OutboxFailure> items, int total) {
    }

    @GetMapping("${finance.outbox.admin-path}")
    Failures failures(@AuthenticationPrincipal Jwt jwt) {
        if (!StaffUser.of(jwt).hasRole(Roles.BUREAU_ADMIN)) {
            throw DomainException.forbidden("只有财政局管理员（bureau-admin）可以查看未能发布的事件");
        }
        List<OutboxFailure> items = relay.failures();
        return new Failures(items, items.size());
    }
}
