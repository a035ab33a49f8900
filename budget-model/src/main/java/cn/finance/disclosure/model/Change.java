package cn.finance.disclosure.model;

import cn.finance.disclosure.events.Yuan;

import java.util.Objects;

/** A figure of this year against the same figure of the prior year, exact yuan. */
public record Change(Yuan current, Yuan prior) {

    public Change {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(prior, "prior");
    }

    /** This year minus the prior year (negative when the figure fell). */
    public Yuan delta() {
        return current.minus(prior);
    }

    public Direction direction() {
        return Direction.of(delta());
    }

    /** True when the change shows in 万元 (see {@link Direction}). */
    public boolean changed() {
        return direction() != Direction.FLAT;
    }
}
