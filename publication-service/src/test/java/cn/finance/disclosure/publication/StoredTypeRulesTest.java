package cn.finance.disclosure.publication;

import cn.finance.disclosure.testing.StoredTypeRules;
import org.junit.jupiter.api.Test;

/** No stored document of this service is, or reaches, an event payload type. */
class StoredTypeRulesTest {

    @Test
    void storedDocumentsReachNoEventPayloadType() {
        StoredTypeRules.check("cn.finance.disclosure");
    }
}
