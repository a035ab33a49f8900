package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.support.web.DomainException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * The one refusal of a step the disclosure's state does not allow: 409 problem+json naming the state, the step and the
 * steps allowed now. Its type says why in the terms clients already know (nothing-to-confirm, not-confirmed,
 * correction-required, ...), derived here from the state and the step alone.
 */
public class DisclosureTransitionRefused extends DomainException {

    private final DisclosureState state;
    private final DisclosureAction action;

    /** @param confirmedOtherContent the draft carries a confirmation of content it no longer has */
    DisclosureTransitionRefused(DisclosureState state, DisclosureAction action, boolean confirmedOtherContent) {
        super(HttpStatus.CONFLICT, slug(state, action, confirmedOtherContent), title(state, action, confirmedOtherContent),
                detail(state, action, confirmedOtherContent),
                Map.of("disclosureState", state.name(), "action", action.name(),
                        "allowedActions", state.allowedActions().stream().map(Enum::name).sorted().toList()));
        this.state = state;
        this.action = action;
    }

    public DisclosureState state() {
        return state;
    }

    public DisclosureAction action() {
        return action;
    }

    static String slug(DisclosureState state, DisclosureAction action, boolean confirmedOtherContent) {
        boolean draftPending = state == DisclosureState.DRAFT || state == DisclosureState.CONFIRMED
                || state == DisclosureState.CORRECTION_DRAFT || state == DisclosureState.CORRECTION_CONFIRMED;
        boolean versionPublic = state == DisclosureState.RELEASED || state == DisclosureState.CORRECTION_DRAFT
                || state == DisclosureState.CORRECTION_CONFIRMED;
        return switch (action) {
            case CONFIRM -> "nothing-to-confirm";
            case WITHDRAW -> "nothing-to-withdraw";
            case RELEASE, CORRECT -> {
                if (!draftPending) {
                    yield "nothing-to-release";
                }
                if (action == DisclosureAction.RELEASE && versionPublic) {
                    yield "correction-required";
                }
                if (action == DisclosureAction.CORRECT && !versionPublic) {
                    yield "nothing-to-correct";
                }
                yield confirmedOtherContent ? "confirmation-outdated" : "not-confirmed";
            }
        };
    }

    private static String title(DisclosureState state, DisclosureAction action, boolean confirmedOtherContent) {
        return "confirmation-outdated".equals(slug(state, action, confirmedOtherContent)) ? "确认后内容已变化"
                : "与公开事项当前状态冲突";
    }

    private static String detail(DisclosureState state, DisclosureAction action, boolean confirmedOtherContent) {
        String refusal = "公开事项当前状态为“" + state.label() + "”，不能" + action.label() + "。";
        String hint = switch (slug(state, action, confirmedOtherContent)) {
            case "nothing-to-confirm" -> state == DisclosureState.WAITING_FOR_PROFILE
                    ? "尚未收到本单位基本情况，公开草稿尚未生成，暂不能确认。" : "当前没有待确认的公开草稿。";
            case "nothing-to-release" -> "当前没有待发布的公开草稿。";
            case "correction-required" -> "已有版本正在公开；发布新内容须使用更正操作（/correction）并说明公开的更正原因。";
            case "nothing-to-correct" -> "尚无正在公开的版本可更正，请使用发布操作（/release）。";
            case "confirmation-outdated" -> "公开草稿在单位负责人确认后内容已发生变化，须由单位负责人重新确认后才能发布。";
            case "not-confirmed" -> "公开草稿尚未经单位负责人确认，不能发布。";
            default -> "没有正在公开的版本可撤回。";
        };
        return refusal + hint;
    }
}
