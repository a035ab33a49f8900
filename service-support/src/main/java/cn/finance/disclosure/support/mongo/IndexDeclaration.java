package cn.finance.disclosure.support.mongo;

import org.springframework.data.mongodb.core.index.Index;

import java.util.List;

/**
 * The indexes one feature's queries need, declared beside the queries (package by feature) and created at start-up by
 * {@link Indexes}. Each index names the query it serves.
 */
public record IndexDeclaration(String collection, List<Index> on) implements IndexPlan {

    public static IndexDeclaration of(String collection, Index... indexes) {
        return new IndexDeclaration(collection, List.of(indexes));
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(this);
    }
}
