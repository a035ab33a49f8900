package cn.finance.disclosure.budget.catalogs;

import cn.finance.disclosure.budget.catalog.BundledCatalogs;
import cn.finance.disclosure.budget.catalog.CatalogCsvParser;
import cn.finance.disclosure.budget.catalog.CatalogParseResult;
import cn.finance.disclosure.budget.catalog.CatalogSource;
import cn.finance.disclosure.budget.catalog.ClassificationCatalog;
import cn.finance.disclosure.budget.catalog.CodeKind;
import cn.finance.disclosure.budget.catalog.CodeTable;
import cn.finance.disclosure.support.security.Roles;
import cn.finance.disclosure.support.security.StaffUser;
import cn.finance.disclosure.support.web.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog of a fiscal year: per kind, the list a bureau-admin uploaded if there is one, else the bundled list.
 * A year with neither has no catalog, and its budgets cannot be validated until one is uploaded.
 */
@Service
public class Catalogs implements CatalogSource {

    private final UploadedCodeListRepository uploaded;
    private final CatalogSource bundled = new BundledCatalogs();
    private final Clock clock;

    Catalogs(UploadedCodeListRepository uploaded, Clock clock) {
        this.uploaded = uploaded;
        this.clock = clock;
    }

    /** Where a kind's list came from: {@code uploaded} (with when and by whom) or {@code bundled}. */
    public record Origin(String source, Instant uploadedAt, String uploadedBy) {
        static final Origin BUNDLED = new Origin("bundled", null, null);
        static final Origin NONE = new Origin("none", null, null);
    }

    public record Resolved(ClassificationCatalog catalog, Origin function, Origin economic) {
    }

    @Override
    public Optional<ClassificationCatalog> find(int fiscalYear) {
        return resolve(fiscalYear).map(Resolved::catalog);
    }

    public Optional<Resolved> resolve(int fiscalYear) {
        Optional<UploadedCodeList> function = uploaded.findById(UploadedCodeList.idOf(fiscalYear, CodeKind.FUNCTION));
        Optional<UploadedCodeList> economic = uploaded.findById(UploadedCodeList.idOf(fiscalYear, CodeKind.ECONOMIC));
        Optional<ClassificationCatalog> shipped = bundled.find(fiscalYear);
        if (function.isEmpty() && economic.isEmpty()) {
            return shipped.map(c -> new Resolved(c, Origin.BUNDLED, Origin.BUNDLED));
        }
        Origin shippedOrigin = shipped.isPresent() ? Origin.BUNDLED : Origin.NONE;
        ClassificationCatalog catalog = shipped.orElseGet(() -> ClassificationCatalog.of(fiscalYear,
                CodeTable.of(CodeKind.FUNCTION, Map.of()), CodeTable.of(CodeKind.ECONOMIC, Map.of())));
        Origin functionOrigin = shippedOrigin;
        Origin economicOrigin = shippedOrigin;
        if (function.isPresent()) {
            catalog = catalog.withCodes(function.get().table());
            functionOrigin = origin(function.get());
        }
        if (economic.isPresent()) {
            catalog = catalog.withCodes(economic.get().table());
            economicOrigin = origin(economic.get());
        }
        return Optional.of(new Resolved(catalog, functionOrigin, economicOrigin));
    }

    public record Uploaded(int fiscalYear, CodeKind kind, int codes, Origin origin, List<String> notes) {
    }

    /** Replaces the year's list of {@code kind} by an official list; a list with any problem is refused whole. */
    public Uploaded upload(int fiscalYear, CodeKind kind, String csv, StaffUser user) {
        if (!user.hasRole(Roles.BUREAU_ADMIN)) {
            throw DomainException.forbidden("只有财政局管理员可以上传科目表");
        }
        CatalogParseResult<CodeTable> parsed = CatalogCsvParser.parse(kind, csv);
        if (!parsed.accepted()) {
            List<Map<String, Object>> problems = parsed.problems().stream()
                    .map(p -> Map.<String, Object>of("line", p.line(), "code", p.code(), "message", p.message()))
                    .toList();
            throw DomainException.badRequest("catalog-rejected", kind.label() + "清单有" + problems.size()
                            + "处问题，未保存：" + String.join("；", parsed.problems().stream()
                            .limit(5).map(p -> p.message()).toList()) + (problems.size() > 5 ? "……" : ""),
                    Map.of("problems", problems));
        }
        CodeTable table = parsed.orElseThrow();
        UploadedCodeList list = uploaded.findById(UploadedCodeList.idOf(fiscalYear, kind))
                .orElseGet(() -> UploadedCodeList.of(fiscalYear, table));
        list.replace(table, user.actor(), clock.instant());
        try {
            list = uploaded.save(list);
        } catch (DuplicateKeyException | OptimisticLockingFailureException e) {
            throw DomainException.conflict("catalog-concurrent-upload", "另一位管理员正在上传同一份科目表，请稍后重试");
        }
        return new Uploaded(fiscalYear, kind, list.size(), origin(list),
                parsed.problems().stream().map(p -> p.message()).toList());
    }

    private static Origin origin(UploadedCodeList list) {
        return new Origin("uploaded", list.uploadedAt(), list.uploadedBy() == null ? null : list.uploadedBy().username());
    }
}
