package cn.finance.disclosure.department.registry;

import cn.finance.disclosure.support.outbox.AggregateStore;
import cn.finance.disclosure.support.security.Roles;
import cn.finance.disclosure.support.security.StaffUser;
import cn.finance.disclosure.support.web.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Registering and reading departments, with the role and department rules enforced here, not only on routes. */
@Service
public class DepartmentRegistry {

    private final DepartmentRepository departments;
    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Clock clock;

    DepartmentRegistry(DepartmentRepository departments, MongoTemplate mongo, AggregateStore store, Clock clock) {
        this.departments = departments;
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
    }

    public Department register(RegisterDepartmentRequest request, StaffUser user) {
        if (!user.hasRole(Roles.BUREAU_ADMIN)) {
            throw DomainException.forbidden("只有财政局管理员可以登记预算单位");
        }
        if (request.parentCode() != null) {
            if (request.parentCode().equals(request.code())) {
                throw DomainException.badRequest("department-parent", "上级单位不能是本单位",
                        Map.of("errors", List.of(Map.of("field", "parentCode", "message", "上级单位不能是本单位"))));
            }
            if (!departments.existsById(request.parentCode())) {
                throw DomainException.badRequest("department-parent", "上级单位 " + request.parentCode() + " 尚未登记",
                        Map.of("errors", List.of(Map.of("field", "parentCode", "message", "上级单位尚未登记"))));
            }
            // A new code cannot close a cycle: its parent chain already ends at a root. Re-parenting (which could)
            // is not offered.
        }
        Department department = Department.register(request.code(), request.name(), request.shortName(),
                request.district(), request.kind(), request.level(), request.parentCode(), user.actor(),
                clock.instant());
        try {
            return store.insert(department);
        } catch (DuplicateKeyException e) {
            throw new DomainException(HttpStatus.CONFLICT, "department-exists", "单位已登记",
                    "单位编码 " + request.code() + " 已登记");
        }
    }

    /** Department staff see only their own department; bureau staff see all. Unknown and foreign look the same. */
    public Department get(String code, StaffUser user) {
        return find(code).filter(d -> user.canRead(d.code()))
                .orElseThrow(() -> DomainException.notFound("未找到单位 " + code));
    }

    public Optional<Department> find(String code) {
        return departments.findById(code);
    }

    public DepartmentPage list(String kind, String district, String text, int page, int size, StaffUser user) {
        List<Criteria> filters = new ArrayList<>();
        if (!user.isBureauStaff()) {
            filters.add(Criteria.where("_id").is(user.departmentCode() == null ? "\u0000none" : user.departmentCode()));
        }
        if (kind != null && !kind.isBlank()) {
            filters.add(Criteria.where("kind").is(kind));
        }
        if (district != null && !district.isBlank()) {
            filters.add(Criteria.where("district").is(district));
        }
        if (text != null && !text.isBlank()) {
            Pattern quoted = Pattern.compile(Pattern.quote(text));
            filters.add(new Criteria().orOperator(Criteria.where("name").regex(quoted),
                    Criteria.where("shortName").regex(quoted), Criteria.where("_id").is(text)));
        }
        Query query = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters));
        long total = mongo.count(query, Department.class);
        query.with(Sort.by("_id")).skip((long) page * size).limit(size);
        List<DepartmentResponse> items = mongo.find(query, Department.class).stream().map(DepartmentResponse::of).toList();
        return new DepartmentPage(items, page, size, total);
    }
}
