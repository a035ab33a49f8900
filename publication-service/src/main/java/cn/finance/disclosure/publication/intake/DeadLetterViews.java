package cn.finance.disclosure.publication.intake;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** What the dead-letter API answers: letters without their (possibly large) values, and replay outcomes. */
final class DeadLetterViews {

    private DeadLetterViews() {
    }

    static String apiId(Document letter) {
        return letter.getString("topic") + "-" + letter.get("partition") + "-" + letter.get("offset");
    }

    /** One replay: who, when, and whether the message went through. */
    record Replay(String by, Instant at, String outcome, String error) {

        static Replay of(Document d) {
            return new Replay(d.getString("by"), instant(d.getDate("at")), d.getString("outcome"),
                    d.getString("error"));
        }
    }

    /**
     * @param status      parked, or replayed once a replay went through
     * @param valueLength the message's length in characters
     */
    record Letter(String id, String topic, int partition, long offset, String key, String type, String error,
                  Instant parkedAt, String status, Instant replayedAt, String replayedBy, int valueLength,
                  List<Replay> replays) {

        static Letter of(Document d) {
            String value = d.getString("value");
            Number partition = (Number) d.get("partition");
            Number offset = (Number) d.get("offset");
            return new Letter(apiId(d), d.getString("topic"), partition == null ? 0 : partition.intValue(),
                    offset == null ? -1 : offset.longValue(), d.getString("key"), d.getString("type"),
                    d.getString("error"), instant(d.getDate("parkedAt")),
                    d.get("replayedAt") == null ? DeadLetterReplay.PARKED : DeadLetterReplay.REPLAYED,
                    instant(d.getDate("replayedAt")), d.getString("replayedBy"), value == null ? 0 : value.length(),
                    d.getList("replays", Document.class, List.of()).stream().map(Replay::of).toList());
        }
    }

    record Page(List<Letter> items, int total) {
    }

    record Outcome(String id, boolean replayed, String error) {
    }

    record ReplayAll(int replayed, int failed, List<Outcome> outcomes) {
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
