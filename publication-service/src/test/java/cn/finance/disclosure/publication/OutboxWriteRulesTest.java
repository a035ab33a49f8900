package cn.finance.disclosure.publication;

import cn.finance.disclosure.testing.OutboxWriteRules;
import org.junit.jupiter.api.Test;

/** Every aggregate of this service that carries an outbox is written only through the aggregate store. */
class OutboxWriteRulesTest {

    @Test
    void aggregatesWithAnOutboxAreWrittenOnlyThroughTheAggregateStore() {
        OutboxWriteRules.check("cn.finance.disclosure");
    }
}
