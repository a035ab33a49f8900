package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.budget.catalog.CatalogNames;
import cn.finance.disclosure.budget.catalogs.Catalogs;
import cn.finance.disclosure.budget.units.UnitKinds;
import cn.finance.disclosure.events.budget.ClassificationNames;
import cn.finance.disclosure.budget.validation.BudgetValidator;
import cn.finance.disclosure.budget.validation.Finding;
import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.support.security.Roles;
import cn.finance.disclosure.support.security.StaffUser;
import cn.finance.disclosure.support.web.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The review workflow's application service: who may do what to which budget is decided here (roles, department)
 * and in {@link Budget} (status, separation of duties), never only on routes.
 *
 * <ul>
 *   <li>Department staff (clerk, head) see only their own department's budgets; another department's budget answers
 *       404 exactly like one that does not exist. Bureau roles read every budget.</li>
 *   <li>Only the department's clerks create, edit, submit and revise; only bureau reviewers approve and return.</li>
 *   <li>Edits need the version the editor read (If-Match); the transitions accept one optionally, so a reviewer can
 *       approve exactly the version they reviewed.</li>
 * </ul>
 */
@Service
public class BudgetService {

    private final BudgetRepository budgets;
    private final BudgetStore store;
    private final MongoTemplate mongo;
    private final Catalogs catalogs;
    private final Clock clock;
    private final UnitKinds unitKinds;
    private final BudgetValidator validator = new BudgetValidator();

    BudgetService(BudgetRepository budgets, BudgetStore store, MongoTemplate mongo, Catalogs catalogs,
                  Clock clock, UnitKinds unitKinds) {
        this.unitKinds = unitKinds;
        this.budgets = budgets;
        this.store = store;
        this.mongo = mongo;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    /** The findings of a budget against its year's catalog, and where the catalog's lists came from. */
    public record Validation(Budget budget, List<Finding> findings, Catalogs.Origin functionCatalog,
                             Catalogs.Origin economicCatalog) {
    }

    public Budget create(BudgetContent submission, StaffUser user) {
        if (!user.hasRole(Roles.DEPARTMENT_CLERK)) {
            throw DomainException.forbidden("只有单位经办人可以编制预算");
        }
        if (!user.belongsTo(submission.departmentCode())) {
            throw DomainException.forbidden("只能编制本单位的预算：您所属单位为 " + user.departmentCode()
                    + "，请求中的单位编码为 " + submission.departmentCode());
        }
        Query sameYear = Query.query(Criteria.where("departmentCode").is(submission.departmentCode())
                .and("fiscalYear").is(submission.fiscalYear()));
        Budget existing = mongo.findOne(sameYear.with(Sort.by("revision")).limit(1), Budget.class);
        if (existing != null) {
            throw exists(existing.id(), submission);
        }
        try {
            return store.insert(Budget.create(withApprovedPriorYear(submission), user.actor(), now()));
        } catch (DuplicateKeyException e) {
            throw exists(Budget.idOf(submission.departmentCode(), submission.fiscalYear(), 1), submission);
        }
    }

    /**
     * Where the department's budget of the year before was approved in this system, its figures are the prior year
     * (whatever the body says: the clerk sees the origin in priorYear.origin); otherwise the clerk's own entry stands,
     * marked as entered.
     */
    private BudgetContent withApprovedPriorYear(BudgetContent submission) {
        if (submission.fiscalYear() == null) {
            return submission;
        }
        Query previous = Query.query(Criteria.where("departmentCode").is(submission.departmentCode())
                        .and("fiscalYear").is(submission.fiscalYear() - 1).and("status").is(BudgetStatus.APPROVED))
                .with(Sort.by(Sort.Direction.DESC, "revision")).limit(1);
        Budget approved = mongo.findOne(previous, Budget.class);
        if (approved != null) {
            return submission.withPriorYear(PriorYears.from(approved));
        }
        var prior = submission.priorYear();
        if (prior != null && (prior.origin() == null
                || BudgetContent.PriorYearOrigin.APPROVED_BUDGET.equals(prior.origin().source()))) {
            // No approved budget backs it: whatever the body claims, these figures were entered.
            return submission.withPriorYear(new BudgetContent.PriorYear(prior.fiscalYear(), prior.revenue(),
                    prior.expenditure(), prior.expenditureTotal(), prior.basicExpenditure(), prior.projectExpenditure(),
                    prior.generalPublicBudgetAppropriationExpenditure(), prior.governmentFundExpenditure(),
                    prior.threePublicExpenses(), prior.operatingExpenses(),
                    new BudgetContent.PriorYearOrigin(BudgetContent.PriorYearOrigin.ENTERED, null, null)));
        }
        return submission;
    }

    private static DomainException exists(String id, BudgetContent submission) {
        return new DomainException(HttpStatus.CONFLICT, "budget-exists", "预算已存在",
                "单位 " + submission.departmentCode() + " 的 " + submission.fiscalYear() + " 年度预算已存在（" + id
                        + "），每个单位每个年度只有一份预算；请修改现有预算，已批准的请发起修订",
                Map.of("budgetId", id));
    }

    public Budget get(String id, StaffUser user) {
        return budgets.findById(id).filter(b -> user.canRead(b.departmentCode()))
                .orElseThrow(() -> DomainException.notFound("未找到预算 " + id));
    }

    public BudgetPage list(String departmentCode, Integer fiscalYear, BudgetStatus status, int page, int size,
                           StaffUser user) {
        List<Criteria> filters = new ArrayList<>();
        if (!user.isBureauStaff()) {
            filters.add(Criteria.where("departmentCode")
                    .is(user.departmentCode() == null ? "\u0000none" : user.departmentCode()));
        }
        if (departmentCode != null && !departmentCode.isBlank()) {
            filters.add(Criteria.where("departmentCode").is(departmentCode));
        }
        if (fiscalYear != null) {
            filters.add(Criteria.where("fiscalYear").is(fiscalYear));
        }
        if (status != null) {
            filters.add(Criteria.where("status").is(status));
        }
        Query query = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters));
        long total = mongo.count(query, Budget.class);
        query.with(Sort.by(Sort.Order.asc("departmentCode"), Sort.Order.desc("fiscalYear"),
                Sort.Order.desc("revision"))).skip((long) page * size).limit(size);
        query.fields().exclude("submission", "history", "outbox", "acknowledgements");
        List<BudgetSummary> items = mongo.find(query, Budget.class).stream().map(BudgetSummary::of).toList();
        return new BudgetPage(items, page, size, total);
    }

    /** @param expectedVersion from If-Match: required, an edit must say which version it changes */
    public Budget update(String id, BudgetContent submission, Long expectedVersion, boolean ifMatchAny,
                         StaffUser user) {
        Budget budget = writable(id, user, "修改");
        if (expectedVersion == null && !ifMatchAny) {
            throw new DomainException(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "缺少版本条件",
                    "修改预算须携带 If-Match 请求头（取自读取时的 ETag），以免覆盖他人的修改");
        }
        requireVersion(budget, expectedVersion);
        budget.edit(withApprovedPriorYear(submission), user.actor(), now());
        return save(budget, expectedVersion);
    }

    public Validation validate(String id, StaffUser user) {
        return validate(get(id, user));
    }

    /** The findings of a budget body, stored nowhere: the clerk checks a draft before (or instead of) saving it. */
    public Validation validateBody(BudgetContent submission, StaffUser user) {
        if (!user.hasRole(Roles.DEPARTMENT_CLERK) || !user.belongsTo(submission.departmentCode())) {
            throw DomainException.forbidden("只有本单位经办人可以校验本单位的预算");
        }
        Catalogs.Resolved catalog = catalogs.resolve(submission.fiscalYear()).orElseThrow(() ->
                new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "catalog-missing", "缺少科目表",
                        submission.fiscalYear() + " 年度尚无政府收支分类科目表，无法校验；请财政局管理员上传该年度的科目表"));
        return new Validation(null, validator.validate(submission, catalog.catalog(),
                unitKinds.kindOf(submission.departmentCode()).orElse(null)), catalog.function(), catalog.economic());
    }

    /**
     * Deletes a draft that was never submitted (a submitted one has a history the bureau has seen). Conditional on the
     * version named in If-Match and on the draft status, in one write, so a concurrent submit wins cleanly.
     */
    public void delete(String id, Long expectedVersion, boolean ifMatchAny, StaffUser user) {
        Budget budget = writable(id, user, "删除");
        if (expectedVersion == null && !ifMatchAny) {
            throw new DomainException(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "缺少版本条件",
                    "删除预算须携带 If-Match 请求头（取自读取时的 ETag），以免删除他人刚修改的内容");
        }
        requireVersion(budget, expectedVersion);
        if (budget.status() != BudgetStatus.DRAFT || budget.everSubmitted()) {
            throw DomainException.conflict("budget-not-deletable", "只能删除从未提交过的草稿；预算 " + id + " 当前状态为"
                    + budget.status() + (budget.everSubmitted() ? "，且已提交过" : ""));
        }
        Query exactlyThis = Query.query(Criteria.where("_id").is(id).and("version").is(budget.version())
                .and("status").is(BudgetStatus.DRAFT).and("submittedAt").is(null));
        if (mongo.remove(exactlyThis, Budget.class).getDeletedCount() == 0) {
            long current = budgets.findById(id).map(Budget::version).orElse(-1L);
            throw DomainException.staleVersion(budget.version(), current);
        }
    }

    private Validation validate(Budget budget) {
        Catalogs.Resolved catalog = catalogs.resolve(budget.fiscalYear()).orElseThrow(() ->
                new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "catalog-missing", "缺少科目表",
                        budget.fiscalYear() + " 年度尚无政府收支分类科目表，无法校验；请财政局管理员上传该年度的科目表"));
        return new Validation(budget, validator.validate(budget.submission(), catalog.catalog(),
                unitKinds.kindOf(budget.departmentCode()).orElse(null)), catalog.function(), catalog.economic());
    }

    /**
     * Validates again and submits: any ERROR blocks (422 listing them), every WARNING needs an acknowledgement with an
     * explanation (422 listing those without).
     */
    public Budget submit(String id, List<Acknowledgement> acknowledgements, Long expectedVersion, StaffUser user) {
        Budget budget = writable(id, user, "提交");
        requireVersion(budget, expectedVersion);
        budget.status().after(BudgetAction.SUBMIT); // an illegal move is refused before anything is computed
        Validation validation = validate(budget);
        SubmissionGate.Outcome gate = SubmissionGate.check(validation.findings(), acknowledgements);
        if (!gate.errors().isEmpty()) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "submission-has-errors", "校验未通过",
                    "校验发现" + gate.errors().size() + "个错误，改正后才能提交：" + summary(gate.errors()),
                    Map.of("errors", FindingView.of(gate.errors())));
        }
        if (!gate.unacknowledged().isEmpty()) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "warnings-unacknowledged", "警告未说明",
                    "以下" + gate.unacknowledged().size() + "个警告须逐条填写说明后才能提交（acknowledgements 中按 ruleId 和 "
                            + "path 指明）：" + summary(gate.unacknowledged()),
                    Map.of("unacknowledged", FindingView.of(gate.unacknowledged())));
        }
        budget.submit(gate.accepted(), user.actor(), now());
        return saveAndRelay(budget, expectedVersion);
    }

    public Budget approve(String id, Long expectedVersion, StaffUser user) {
        Budget budget = reviewable(id, user, "批准");
        requireVersion(budget, expectedVersion);
        // The approval carries the names of the year's catalog, so documents never keep a name table of their own.
        ClassificationNames names = catalogs.find(budget.fiscalYear())
                .map(catalog -> CatalogNames.of(catalog, budget.submission()))
                .orElseGet(() -> ClassificationNames.none(budget.fiscalYear()));
        budget.approve(user.actor(), now(), names);
        return saveAndRelay(budget, expectedVersion);
    }

    public Budget returnToDepartment(String id, String reason, Long expectedVersion, StaffUser user) {
        Budget budget = reviewable(id, user, "退回");
        requireVersion(budget, expectedVersion);
        budget.returnToDepartment(reason, user.actor(), now());
        return saveAndRelay(budget, expectedVersion);
    }

    /** A new draft revision of the department's latest budget for the year, which must be approved. */
    public Budget revise(String id, StaffUser user) {
        Budget approved = writable(id, user, "发起修订");
        Budget next = approved.revise(user.actor(), now());
        Query later = Query.query(Criteria.where("departmentCode").is(approved.departmentCode())
                .and("fiscalYear").is(approved.fiscalYear()).and("revision").gt(approved.revision()));
        if (mongo.exists(later, Budget.class)) {
            throw revisionExists(approved);
        }
        try {
            return store.insert(next);
        } catch (DuplicateKeyException e) {
            throw revisionExists(approved);
        }
    }

    private static DomainException revisionExists(Budget approved) {
        return DomainException.conflict("revision-exists", "预算 " + approved.id() + " 已有更新的修订版本，"
                + "同一时间只能有一个进行中的修订；请在最新版本上操作");
    }

    /** Readable, and the caller is one of the department's clerks. */
    private Budget writable(String id, StaffUser user, String what) {
        Budget budget = get(id, user);
        if (!user.hasRole(Roles.DEPARTMENT_CLERK) || !user.belongsTo(budget.departmentCode())) {
            throw DomainException.forbidden("只有本单位经办人可以" + what + "预算");
        }
        return budget;
    }

    private Budget reviewable(String id, StaffUser user, String what) {
        Budget budget = get(id, user);
        if (!user.hasRole(Roles.BUREAU_REVIEWER)) {
            throw DomainException.forbidden("只有财政局预算审核人员可以" + what + "预算");
        }
        return budget;
    }

    private static void requireVersion(Budget budget, Long expectedVersion) {
        if (expectedVersion != null && !expectedVersion.equals(budget.version())) {
            throw DomainException.staleVersion(expectedVersion, budget.version());
        }
    }

    /** The store wakes the relay after every write that recorded events. */
    private Budget saveAndRelay(Budget budget, Long expectedVersion) {
        return save(budget, expectedVersion);
    }

    /**
     * A write that lost the race to another one since this request read the document: 412 when the caller named the
     * version (If-Match), as if it had arrived a moment later; otherwise the optimistic-lock failure is a 409.
     */
    private Budget save(Budget budget, Long expectedVersion) {
        try {
            return store.update(budget);
        } catch (OptimisticLockingFailureException e) {
            if (expectedVersion == null) {
                throw e;
            }
            long current = budgets.findById(budget.id()).map(Budget::version).orElse(-1L);
            throw DomainException.staleVersion(expectedVersion, current);
        }
    }

    /** Milliseconds, as MongoDB stores times: an event then states the very time the stored budget shows. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String summary(List<Finding> findings) {
        return String.join("；", findings.stream().limit(5).map(f -> f.ruleId() + "（" + f.path() + "）").toList())
                + (findings.size() > 5 ? "……" : "");
    }
}
