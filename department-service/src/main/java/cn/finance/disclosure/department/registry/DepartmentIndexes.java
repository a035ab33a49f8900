package cn.finance.disclosure.department.registry;

import cn.finance.disclosure.support.mongo.IndexDeclaration;
import cn.finance.disclosure.support.mongo.IndexPlan;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The indexes of {@link DepartmentRegistry#list}: by kind or district, in code order (the unfiltered list and a
 * department's own use {@code _id}). The name search is a substring match, which no index serves; the register holds
 * a district's units, a few hundred at most.
 */
@Component
class DepartmentIndexes implements IndexPlan {

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of("departments",
                new Index().on("kind", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("by_kind"),
                new Index().on("district", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("by_district")));
    }
}
