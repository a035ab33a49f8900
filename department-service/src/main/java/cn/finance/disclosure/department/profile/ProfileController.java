package cn.finance.disclosure.department.profile;

import cn.finance.disclosure.support.security.StaffUser;
import cn.finance.disclosure.support.web.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@Validated
@RequestMapping("/api/v1/departments/{code}/profiles")
class ProfileController {

    private final ProfileService service;

    ProfileController(ProfileService service) {
        this.service = service;
    }

    @GetMapping("/{fiscalYear}")
    ResponseEntity<ProfileResponse> get(@PathVariable @Pattern(regexp = "[0-9]{6,12}") String code,
                                        @PathVariable @Min(2000) @Max(2100) int fiscalYear,
                                        @AuthenticationPrincipal Jwt jwt) {
        DepartmentProfile profile = service.get(code, fiscalYear, StaffUser.of(jwt));
        return ResponseEntity.ok().eTag(ETags.of(profile.version())).body(ProfileResponse.of(profile));
    }

    @PutMapping("/{fiscalYear}")
    ResponseEntity<ProfileResponse> put(@PathVariable @Pattern(regexp = "[0-9]{6,12}") String code,
                                        @PathVariable @Min(2000) @Max(2100) int fiscalYear,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody ProfileRequest request,
                                        @AuthenticationPrincipal Jwt jwt) {
        DepartmentProfile saved = service.put(code, fiscalYear, request, ETags.version(ifMatch),
                ETags.isAny(ifMatch), StaffUser.of(jwt));
        HttpStatus status = saved.version() == 0 ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).eTag(ETags.of(saved.version())).body(ProfileResponse.of(saved));
    }

    @PostMapping("/{fiscalYear}/copy-of-previous-year")
    ResponseEntity<ProfileResponse> copyPreviousYear(@PathVariable @Pattern(regexp = "[0-9]{6,12}") String code,
                                                     @PathVariable @Min(2001) @Max(2100) int fiscalYear,
                                                     @AuthenticationPrincipal Jwt jwt) {
        DepartmentProfile saved = service.copyPreviousYear(code, fiscalYear, StaffUser.of(jwt));
        return ResponseEntity.created(URI.create("/api/v1/departments/" + code + "/profiles/" + fiscalYear))
                .eTag(ETags.of(saved.version())).body(ProfileResponse.of(saved));
    }
}
