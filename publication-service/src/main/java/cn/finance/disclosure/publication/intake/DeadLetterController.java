package cn.finance.disclosure.publication.intake;

import cn.finance.disclosure.support.security.Roles;
import cn.finance.disclosure.support.security.StaffUser;
import cn.finance.disclosure.support.web.DomainException;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Bureau administrators see the parked intake messages and replay one or all of them. */
@RestController
@Validated
@RequestMapping("/api/v1/publications/admin/dead-letters")
class DeadLetterController {

    private final DeadLetterReplay replay;

    DeadLetterController(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @GetMapping
    DeadLetterViews.Page list(@AuthenticationPrincipal Jwt jwt) {
        admin(jwt);
        List<DeadLetterViews.Letter> letters = replay.list();
        return new DeadLetterViews.Page(letters, letters.size());
    }

    @PostMapping("/{id}/replay")
    DeadLetterViews.Letter replayOne(@PathVariable @Pattern(regexp = "[a-z0-9._-]{1,249}-[0-9]{1,9}-[0-9]{1,19}") String id,
                                     @AuthenticationPrincipal Jwt jwt) {
        return replay.replay(id, admin(jwt));
    }

    @PostMapping("/replay")
    DeadLetterViews.ReplayAll replayAll(@AuthenticationPrincipal Jwt jwt) {
        return replay.replayAll(admin(jwt));
    }

    private static StaffUser admin(Jwt jwt) {
        StaffUser user = StaffUser.of(jwt);
        if (!user.hasRole(Roles.BUREAU_ADMIN)) {
            throw DomainException.forbidden("只有财政局管理员（bureau-admin）可以查看和重放死信");
        }
        return user;
    }
}
