package cn.finance.disclosure.publication.sources;

import cn.finance.disclosure.support.mongo.IndexDeclaration;
import cn.finance.disclosure.support.mongo.IndexPlan;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.List;

/** The latest approved revision of a department's budget for a year ({@link Sources#latestApproval}). */
@Component
class SourceIndexes implements IndexPlan {

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of("approved_budgets",
                new Index().on("departmentCode", Sort.Direction.ASC).on("fiscalYear", Sort.Direction.ASC)
                        .on("revision", Sort.Direction.DESC).named("latest_approval")));
    }
}
