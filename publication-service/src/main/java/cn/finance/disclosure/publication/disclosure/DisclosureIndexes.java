package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.support.mongo.IndexDeclaration;
import cn.finance.disclosure.support.mongo.IndexPlan;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The indexes of the disclosure lists: the staff list (by department, year or status, newest year first), the overdue
 * list (pending statuses by due date), the public catalog (released ones by year, in department order) and the
 * feed drainer's scan for disclosures with pending feed items (sparse: only those are in it). The open data reads the
 * current versions of a year through {@code by_year}. Released content ({@link ReleasedContents}) is read only by
 * {@code _id} (built from the version's number and hash the disclosure holds), which needs no declared index;
 * {@link ReleasedContentMigration}'s start-up scan for old disclosures is the one query without an index (its field
 * is the content itself; it finds nothing after the first start).
 */
@Component
class DisclosureIndexes implements IndexPlan {

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of("publications",
                new Index().on("departmentCode", Sort.Direction.ASC).on("fiscalYear", Sort.Direction.DESC)
                        .named("by_department"),
                new Index().on("fiscalYear", Sort.Direction.DESC).on("departmentCode", Sort.Direction.ASC)
                        .named("by_year"),
                new Index().on("status", Sort.Direction.ASC).on("fiscalYear", Sort.Direction.DESC)
                        .on("departmentCode", Sort.Direction.ASC).named("by_status"),
                new Index().on("status", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC)
                        .on("_id", Sort.Direction.ASC).named("overdue"),
                new Index().on("feedPending.sourceId", Sort.Direction.ASC).sparse().named("feed_pending")));
    }
}
