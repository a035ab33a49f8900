package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.support.security.StaffUser;
import cn.finance.disclosure.support.web.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * The staff API of budgets. Every answer that shows one budget carries its version as ETag; PUT needs it back as
 * If-Match, the transitions accept it.
 */
@RestController
@Validated
@RequestMapping("/api/v1/budgets")
class BudgetController {

    private static final String ID = "[0-9A-Za-z-]{1,64}";

    private final BudgetService service;

    BudgetController(BudgetService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<BudgetResponse> create(@Valid @RequestBody BudgetRequest request,
                                          @AuthenticationPrincipal Jwt jwt) {
        Budget created = service.create(request.toContent(), StaffUser.of(jwt));
        return ResponseEntity.created(URI.create("/api/v1/budgets/" + created.id()))
                .eTag(ETags.of(created.version())).body(BudgetResponse.of(created));
    }

    @GetMapping
    BudgetPage list(@RequestParam(required = false) @Pattern(regexp = "[0-9]{6,12}",
                            message = "单位编码须为6至12位数字") String departmentCode,
                    @RequestParam(required = false) @Min(2000) @Max(2100) Integer fiscalYear,
                    @RequestParam(required = false) BudgetStatus status,
                    @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                    @AuthenticationPrincipal Jwt jwt) {
        return service.list(departmentCode, fiscalYear, status, page, size, StaffUser.of(jwt));
    }

    @GetMapping("/{id}")
    ResponseEntity<BudgetResponse> get(@PathVariable @Pattern(regexp = ID) String id,
                                       @AuthenticationPrincipal Jwt jwt) {
        return answer(service.get(id, StaffUser.of(jwt)));
    }

    @PutMapping("/{id}")
    ResponseEntity<BudgetResponse> update(@PathVariable @Pattern(regexp = ID) String id,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody BudgetRequest request,
                                          @AuthenticationPrincipal Jwt jwt) {
        return answer(service.update(id, request.toContent(), ETags.version(ifMatch), ETags.isAny(ifMatch),
                StaffUser.of(jwt)));
    }

    /** Validates a budget body without storing anything: the findings, as for a stored budget. */
    @PostMapping("/validation")
    ValidationResponse validateBody(@Valid @RequestBody BudgetRequest request,
                                    @AuthenticationPrincipal Jwt jwt) {
        BudgetContent submission = request.toContent();
        return ValidationResponse.ofBody(service.validateBody(submission, StaffUser.of(jwt)), submission);
    }

    /** Deletes a draft that was never submitted (If-Match required). */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable @Pattern(regexp = ID) String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @AuthenticationPrincipal Jwt jwt) {
        service.delete(id, ETags.version(ifMatch), ETags.isAny(ifMatch), StaffUser.of(jwt));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/validation")
    ResponseEntity<ValidationResponse> validate(@PathVariable @Pattern(regexp = ID) String id,
                                                @AuthenticationPrincipal Jwt jwt) {
        BudgetService.Validation validation = service.validate(id, StaffUser.of(jwt));
        return ResponseEntity.ok().eTag(ETags.of(validation.budget().version()))
                .body(ValidationResponse.of(validation));
    }

    @PostMapping("/{id}/submission")
    ResponseEntity<BudgetResponse> submit(@PathVariable @Pattern(regexp = ID) String id,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody(required = false) SubmissionRequest request,
                                          @AuthenticationPrincipal Jwt jwt) {
        return answer(service.submit(id, request == null ? List.of() : request.toAcknowledgements(),
                ETags.version(ifMatch), StaffUser.of(jwt)));
    }

    @PostMapping("/{id}/approval")
    ResponseEntity<BudgetResponse> approve(@PathVariable @Pattern(regexp = ID) String id,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @AuthenticationPrincipal Jwt jwt) {
        return answer(service.approve(id, ETags.version(ifMatch), StaffUser.of(jwt)));
    }

    @PostMapping("/{id}/return")
    ResponseEntity<BudgetResponse> returnToDepartment(@PathVariable @Pattern(regexp = ID) String id,
                                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                      String ifMatch,
                                                      @Valid @RequestBody(required = false) ReturnRequest request,
                                                      @AuthenticationPrincipal Jwt jwt) {
        return answer(service.returnToDepartment(id, request == null ? null : request.reason(),
                ETags.version(ifMatch), StaffUser.of(jwt)));
    }

    @PostMapping("/{id}/revisions")
    ResponseEntity<BudgetResponse> revise(@PathVariable @Pattern(regexp = ID) String id,
                                          @AuthenticationPrincipal Jwt jwt) {
        Budget revision = service.revise(id, StaffUser.of(jwt));
        return ResponseEntity.created(URI.create("/api/v1/budgets/" + revision.id()))
                .eTag(ETags.of(revision.version())).body(BudgetResponse.of(revision));
    }

    private static ResponseEntity<BudgetResponse> answer(Budget budget) {
        return ResponseEntity.ok().eTag(ETags.of(budget.version())).body(BudgetResponse.of(budget));
    }
}
