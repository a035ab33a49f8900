package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.support.mongo.IndexDeclaration;
import cn.finance.disclosure.support.mongo.IndexPlan;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The indexes of {@link BudgetService}'s queries: a department's revisions of a year (create, revise), and the list by
 * department, year and status in its order (department, then year and revision newest first).
 */
@Component
class BudgetIndexes implements IndexPlan {

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of("budgets",
                new Index().on("departmentCode", Sort.Direction.ASC).on("fiscalYear", Sort.Direction.DESC)
                        .on("revision", Sort.Direction.DESC).named("by_department"),
                new Index().on("fiscalYear", Sort.Direction.ASC).on("departmentCode", Sort.Direction.ASC)
                        .on("revision", Sort.Direction.DESC).named("by_year"),
                new Index().on("status", Sort.Direction.ASC).on("departmentCode", Sort.Direction.ASC)
                        .on("fiscalYear", Sort.Direction.DESC).on("revision", Sort.Direction.DESC)
                        .named("by_status")));
    }
}
