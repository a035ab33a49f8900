package cn.finance.disclosure.publication.feed;

import cn.finance.disclosure.support.mongo.IndexDeclaration;
import cn.finance.disclosure.support.mongo.IndexPlan;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The feed's indexes: the cursor reads entries by {@code _id} (the sequence); appending checks that a source id is not
 * in the feed yet. (Disclosures with pending feed items are found through {@code DisclosureIndexes}.)
 */
@Component
class FeedIndexes implements IndexPlan {

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(ReleaseFeed.ENTRIES,
                new Index().on("sourceId", Sort.Direction.ASC).named("by_source")));
    }
}
