package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.publication.document.DisclosureGenerator;
import cn.finance.disclosure.publication.document.DisclosureInput;
import cn.finance.disclosure.publication.document.UnitType;
import cn.finance.disclosure.publication.sources.ApprovedBudget;
import cn.finance.disclosure.publication.sources.KnownDepartment;
import cn.finance.disclosure.publication.sources.Sources;
import cn.finance.disclosure.publication.sources.YearProfile;
import cn.finance.disclosure.support.outbox.AggregateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Keeps each disclosure's draft in step with what this service has consumed: the latest approved budget revision plus
 * the year's profile give a draft (or a correction draft once a version is public); without the profile the disclosure
 * waits, visibly. Called after every consumed department or budget event; calling it again changes nothing.
 */
@Service
public class Drafts {

    private static final Logger log = LoggerFactory.getLogger(Drafts.class);
    private static final int ATTEMPTS = 10;

    private final Sources sources;
    private final DisclosureRepository disclosures;
    private final AggregateStore store;
    private final Clock clock;
    private final DisclosureGenerator generator = new DisclosureGenerator();

    Drafts(Sources sources, DisclosureRepository disclosures, AggregateStore store, Clock clock) {
        this.sources = sources;
        this.disclosures = disclosures;
        this.store = store;
        this.clock = clock;
    }

    /** Brings the disclosure of (code, year) up to the latest approved revision and profile this service holds. */
    public void refresh(String departmentCode, int fiscalYear) {
        Optional<ApprovedBudget> approval = sources.latestApproval(departmentCode, fiscalYear);
        if (approval.isEmpty()) {
            return; // a profile alone is no disclosure yet
        }
        ApprovedBudget budget = approval.get();
        Optional<YearProfile> profile = sources.profile(departmentCode, fiscalYear);
        Optional<KnownDepartment> department = sources.department(departmentCode);
        String name = department.map(KnownDepartment::name)
                .or(() -> profile.map(YearProfile::departmentName))
                .orElse(null);
        UnitType unit = department.map(d -> new UnitType(d.unitKind(), d.unitLevel())).orElse(UnitType.DEFAULT);
        Basis basis = new Basis(budget.budgetId(), budget.revision(), budget.approvedAt(), budget.approvedBy(),
                budget.submittedBy(), profile.map(YearProfile::profileVersion).orElse(null));
        GeneratedContent content = profile.map(p -> generate(departmentCode, name, unit, p, budget)).orElse(null);

        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Disclosure disclosure = disclosures.findById(Disclosure.idOf(departmentCode, fiscalYear))
                    .orElseGet(() -> Disclosure.open(departmentCode, fiscalYear,
                            name == null ? departmentCode : name, now));
            if (!disclosure.update(basis, name, content, now)) {
                return;
            }
            try {
                if (disclosure.version() == null) {
                    store.insert(disclosure);
                } else {
                    store.update(disclosure);
                }
                log.info("disclosure {} is now {} (budget revision {}, profile version {})", disclosure.id(),
                        disclosure.status(), basis.budgetRevision(), basis.profileVersion());
                return;
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrentChange) {
                log.debug("disclosure {} changed concurrently, attempt {}", disclosure.id(), attempt);
            }
        }
        throw new IllegalStateException("disclosure " + Disclosure.idOf(departmentCode, fiscalYear)
                + " kept changing concurrently; the event will be retried");
    }

    private GeneratedContent generate(String code, String name, UnitType unit, YearProfile profile,
                                      ApprovedBudget budget) {
        try {
            DisclosureInput input = new DisclosureInput(code, name == null ? profile.departmentName() : name,
                    profile.snapshot(), budget.submission(), unit, budget.classification());
            DisclosureGenerator.Audited generated = generator.generateAudited(input);
            return GeneratedContent.of(generated.content(), generated.audit());
        } catch (RuntimeException e) {
            // Deterministic: generating again gives the same failure, so retrying the event cannot help.
            throw new GenerationFailed("generating the disclosure of " + code + "/" + budget.fiscalYear()
                    + " (budget revision " + budget.revision() + ", profile version " + profile.profileVersion()
                    + ") failed: " + e, e);
        }
    }

    /** The inputs cannot be turned into a disclosure; retrying the same event would fail the same way. */
    public static final class GenerationFailed extends RuntimeException {
        GenerationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
