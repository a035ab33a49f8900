package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.events.Actor;

import java.time.Instant;

/** One approval step: who took it, when, and the content hash they saw. */
public record Step(Actor by, Instant at, String contentHash) {
}
