package cn.finance.disclosure.department.profile;

import cn.finance.disclosure.department.registry.Department;
import cn.finance.disclosure.department.registry.DepartmentRegistry;
import cn.finance.disclosure.support.outbox.AggregateStore;
import cn.finance.disclosure.support.security.Roles;
import cn.finance.disclosure.support.security.StaffUser;
import cn.finance.disclosure.support.web.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Yearly profiles: written by the department's own clerk or a bureau administrator, read by the department's staff
 * and the bureau. Concurrent edits are caught by the version the editor saw (If-Match), never silently lost.
 */
@Service
public class ProfileService {

    private final ProfileRepository profiles;
    private final DepartmentRegistry registry;
    private final AggregateStore store;
    private final Clock clock;

    ProfileService(ProfileRepository profiles, DepartmentRegistry registry, AggregateStore store, Clock clock) {
        this.profiles = profiles;
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    public DepartmentProfile get(String code, int fiscalYear, StaffUser user) {
        registry.get(code, user);
        return profiles.findById(DepartmentProfile.idOf(code, fiscalYear))
                .orElseThrow(() -> DomainException.notFound("单位 " + code + " 尚无 " + fiscalYear + " 年度基本情况"));
    }

    /**
     * @param expectedVersion the version from If-Match; required when the profile exists, absent when creating it
     */
    public DepartmentProfile put(String code, int fiscalYear, ProfileRequest request, Long expectedVersion,
                                 boolean ifMatchAny, StaffUser user) {
        Department department = writableDepartment(code, user);
        if (request.fiscalYear() != null && request.fiscalYear() != fiscalYear) {
            throw DomainException.badRequest("validation", "请求体中的年度与地址中的年度不一致",
                    Map.of("errors", List.of(Map.of("field", "fiscalYear",
                            "message", "须与地址中的年度 " + fiscalYear + " 一致"))));
        }
        DepartmentProfile profile = profiles.findById(DepartmentProfile.idOf(code, fiscalYear)).orElse(null);
        if (profile == null) {
            if (expectedVersion != null || ifMatchAny) {
                throw new DomainException(HttpStatus.PRECONDITION_FAILED, "stale-version", "数据已被他人修改",
                        "该年度基本情况尚不存在，不能按版本修改");
            }
            profile = DepartmentProfile.create(code, fiscalYear);
        } else {
            if (expectedVersion == null && !ifMatchAny) {
                throw new DomainException(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "缺少版本条件",
                        "修改已有的年度基本情况须携带 If-Match 请求头（取自读取时的 ETag），以免覆盖他人的修改");
            }
            if (expectedVersion != null && !expectedVersion.equals(profile.version())) {
                throw DomainException.staleVersion(expectedVersion, profile.version());
            }
        }
        profile.replace(request.toSnapshot(fiscalYear), department.name(), user.actor(), clock.instant());
        DepartmentProfile saved;
        if (profile.isNew()) {
            saved = store.insert(profile);
        } else {
            store.update(profile);
            saved = profiles.findById(profile.id()).orElseThrow();
        }
        return saved;
    }

    /** Starts {@code fiscalYear}'s profile as a copy of the year before; refuses to overwrite an existing one. */
    public DepartmentProfile copyPreviousYear(String code, int fiscalYear, StaffUser user) {
        Department department = writableDepartment(code, user);
        if (profiles.existsById(DepartmentProfile.idOf(code, fiscalYear))) {
            throw DomainException.conflict("profile-exists", fiscalYear + " 年度基本情况已存在，不能用上年覆盖");
        }
        DepartmentProfile previous = profiles.findById(DepartmentProfile.idOf(code, fiscalYear - 1))
                .orElseThrow(() -> DomainException.notFound("单位 " + code + " 没有 " + (fiscalYear - 1) + " 年度基本情况可复制"));
        DepartmentProfile copy = DepartmentProfile.create(code, fiscalYear);
        copy.replace(previous.snapshot().forYear(fiscalYear), department.name(), user.actor(), clock.instant());
        return store.insert(copy);
    }

    private Department writableDepartment(String code, StaffUser user) {
        Department department = registry.get(code, user);
        boolean ownClerk = user.hasRole(Roles.DEPARTMENT_CLERK) && user.belongsTo(code);
        if (!ownClerk && !user.hasRole(Roles.BUREAU_ADMIN)) {
            throw DomainException.forbidden("只有本单位经办人或财政局管理员可以维护单位基本情况");
        }
        return department;
    }
}
