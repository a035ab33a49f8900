package cn.finance.disclosure.publication.disclosure;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.finance.disclosure.publication.disclosure.DisclosureAction.CONFIRM;
import static cn.finance.disclosure.publication.disclosure.DisclosureAction.CORRECT;
import static cn.finance.disclosure.publication.disclosure.DisclosureAction.RELEASE;
import static cn.finance.disclosure.publication.disclosure.DisclosureAction.WITHDRAW;

/**
 * Where a disclosure stands for the steps people take: its {@link DisclosureStatus} plus whether a version is public
 * (a pending draft while a version is public is a correction draft). The allowed moves are written once, in
 * {@link #MOVES}:
 *
 * <pre>
 * DRAFT                --CONFIRM-->  CONFIRMED             CONFIRMED --CONFIRM--> CONFIRMED
 * CONFIRMED            --RELEASE-->  RELEASED              RELEASED  --WITHDRAW--> WITHDRAWN
 * CORRECTION_DRAFT     --CONFIRM-->  CORRECTION_CONFIRMED  CORRECTION_DRAFT --WITHDRAW--> DRAFT
 * CORRECTION_CONFIRMED --CONFIRM-->  CORRECTION_CONFIRMED  CORRECTION_CONFIRMED --CORRECT--> RELEASED
 * CORRECTION_CONFIRMED --WITHDRAW--> CONFIRMED
 * </pre>
 *
 * WAITING_FOR_PROFILE and WITHDRAWN allow no step: only new inputs (a profile, a newer approval) move them on. Every
 * other move is refused with {@link DisclosureTransitionRefused}.
 */
public enum DisclosureState {

    WAITING_FOR_PROFILE("等待单位基本情况"),
    DRAFT("草稿待确认"),
    CONFIRMED("已确认待发布"),
    RELEASED("已公开"),
    CORRECTION_DRAFT("更正草稿待确认"),
    CORRECTION_CONFIRMED("更正已确认待发布"),
    WITHDRAWN("已撤回");

    private static final Map<DisclosureState, Map<DisclosureAction, DisclosureState>> MOVES = moves();

    private final String label;

    DisclosureState(String label) {
        this.label = label;
    }

    private static Map<DisclosureState, Map<DisclosureAction, DisclosureState>> moves() {
        Map<DisclosureState, Map<DisclosureAction, DisclosureState>> moves = new EnumMap<>(DisclosureState.class);
        moves.put(WAITING_FOR_PROFILE, Map.of());
        moves.put(DRAFT, Map.of(CONFIRM, CONFIRMED));
        moves.put(CONFIRMED, Map.of(CONFIRM, CONFIRMED, RELEASE, RELEASED));
        moves.put(RELEASED, Map.of(WITHDRAW, WITHDRAWN));
        moves.put(CORRECTION_DRAFT, Map.of(CONFIRM, CORRECTION_CONFIRMED, WITHDRAW, DRAFT));
        moves.put(CORRECTION_CONFIRMED, Map.of(CONFIRM, CORRECTION_CONFIRMED, CORRECT, RELEASED,
                WITHDRAW, CONFIRMED));
        moves.put(WITHDRAWN, Map.of());
        return Collections.unmodifiableMap(moves);
    }

    /** The state of a disclosure with {@code status}, a version public or not. */
    public static DisclosureState of(DisclosureStatus status, boolean versionPublic) {
        return switch (status) {
            case WAITING_FOR_PROFILE -> WAITING_FOR_PROFILE;
            case DRAFT -> versionPublic ? CORRECTION_DRAFT : DRAFT;
            case CONFIRMED -> versionPublic ? CORRECTION_CONFIRMED : CONFIRMED;
            case RELEASED -> RELEASED;
            case WITHDRAWN -> WITHDRAWN;
        };
    }

    public String label() {
        return label;
    }

    /** The state after {@code action}, or {@link DisclosureTransitionRefused} when this state does not allow it. */
    public DisclosureState after(DisclosureAction action) {
        return target(action).orElseThrow(() -> new DisclosureTransitionRefused(this, action, false));
    }

    public boolean allows(DisclosureAction action) {
        return target(action).isPresent();
    }

    /** The steps this state allows, for clients that show only the buttons that work. */
    public Set<DisclosureAction> allowedActions() {
        Set<DisclosureAction> allowed = EnumSet.noneOf(DisclosureAction.class);
        allowed.addAll(MOVES.get(this).keySet());
        return Collections.unmodifiableSet(allowed);
    }

    private Optional<DisclosureState> target(DisclosureAction action) {
        return Optional.ofNullable(MOVES.get(this).get(action));
    }
}
