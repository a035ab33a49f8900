package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.support.security.StaffUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Staff API of disclosures. A disclosure's id is {@code {departmentCode}-{fiscalYear}}. Steps carry the content hash
 * the person saw; releases and corrections answer 201 with the new public version as Location.
 */
@RestController
@Validated
@RequestMapping("/api/v1/publications")
class PublicationController {

    private static final String ID = "[0-9]{6,12}-[0-9]{4}";

    private final PublicationService service;

    PublicationController(PublicationService service) {
        this.service = service;
    }

    @GetMapping
    PublicationViews.Page list(@RequestParam(required = false) DisclosureStatus status,
                               @RequestParam(required = false) Boolean overdue,
                               @RequestParam(required = false) @Pattern(regexp = "[0-9]{6,12}") String departmentCode,
                               @RequestParam(required = false) @Min(2000) @Max(2100) Integer fiscalYear,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                               @AuthenticationPrincipal Jwt jwt) {
        return service.list(status, overdue, departmentCode, fiscalYear, page, size, StaffUser.of(jwt));
    }

    @GetMapping("/{id}")
    PublicationViews.Detail get(@PathVariable @Pattern(regexp = ID) String id, @AuthenticationPrincipal Jwt jwt) {
        return service.get(id, StaffUser.of(jwt));
    }

    @PostMapping("/{id}/confirmation")
    PublicationViews.Detail confirm(@PathVariable @Pattern(regexp = ID) String id,
                                    @Valid @RequestBody StepRequest request, @AuthenticationPrincipal Jwt jwt) {
        return service.confirm(id, request.contentHash(), StaffUser.of(jwt));
    }

    @PostMapping("/{id}/release")
    ResponseEntity<PublicationViews.Detail> release(@PathVariable @Pattern(regexp = ID) String id,
                                                    @Valid @RequestBody StepRequest request,
                                                    @AuthenticationPrincipal Jwt jwt) {
        return created(service.release(id, request.contentHash(), StaffUser.of(jwt)));
    }

    @PostMapping("/{id}/correction")
    ResponseEntity<PublicationViews.Detail> correct(@PathVariable @Pattern(regexp = ID) String id,
                                                    @Valid @RequestBody ReasonedStepRequest request,
                                                    @AuthenticationPrincipal Jwt jwt) {
        return created(service.correct(id, request.contentHash(), request.reason(), StaffUser.of(jwt)));
    }

    @PostMapping("/{id}/withdrawal")
    PublicationViews.Detail withdraw(@PathVariable @Pattern(regexp = ID) String id,
                                     @Valid @RequestBody ReasonedStepRequest request,
                                     @AuthenticationPrincipal Jwt jwt) {
        return service.withdraw(id, request.contentHash(), request.reason(), StaffUser.of(jwt));
    }

    private static ResponseEntity<PublicationViews.Detail> created(PublicationViews.Detail detail) {
        PublicationViews.VersionView latest = detail.versions().getLast();
        return ResponseEntity.created(URI.create(latest.link())).body(detail);
    }
}
