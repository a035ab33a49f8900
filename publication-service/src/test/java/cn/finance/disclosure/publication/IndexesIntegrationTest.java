package cn.finance.disclosure.publication;

import cn.finance.disclosure.support.mongo.IndexDeclaration;
import cn.finance.disclosure.support.mongo.Indexes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every index the service declares exists once it has started (created at start-up). Whether each query uses one is
 * checked by {@code explain} on real MongoDB ({@link PublicationServiceContainersTest}): the MongoDB-wire server here
 * keeps the indexes but always scans.
 */
class IndexesIntegrationTest extends PublicationIntegrationTest {

    @Autowired
    Indexes indexes;

    @Autowired
    MongoTemplate mongo;

    @Test
    void everyDeclaredIndexExistsAfterStartUp() {
        assertThat(indexes.declarations()).extracting(IndexDeclaration::collection)
                .contains("publications", "feed_entries", "approved_budgets", "dead_letters");
        for (IndexDeclaration declaration : indexes.declarations()) {
            var existing = mongo.indexOps(declaration.collection()).getIndexInfo().stream().map(IndexInfo::getName)
                    .toList();
            for (var index : declaration.on()) {
                String name = (String) index.getIndexOptions().get("name");
                assertThat(existing).as(declaration.collection()).contains(name);
            }
        }
    }
}
