package cn.finance.disclosure.publication.intake;

import cn.finance.disclosure.support.mongo.IndexDeclaration;
import cn.finance.disclosure.support.mongo.IndexPlan;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.List;

/** The dead-letter list (oldest first), the replay of those not replayed yet, and a letter by its position. */
@Component
class DeadLetterIndexes implements IndexPlan {

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(DeadLetters.COLLECTION,
                new Index().on("parkedAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("by_parked"),
                new Index().on("replayedAt", Sort.Direction.ASC).on("parkedAt", Sort.Direction.ASC)
                        .on("_id", Sort.Direction.ASC).named("to_replay"),
                new Index().on("topic", Sort.Direction.ASC).on("partition", Sort.Direction.ASC)
                        .on("offset", Sort.Direction.ASC).named("by_position")));
    }
}
