package cn.finance.disclosure.department.registry;

import cn.finance.disclosure.support.security.StaffUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

@RestController
@Validated
@RequestMapping("/api/v1/departments")
class DepartmentController {

    private final DepartmentRegistry registry;

    DepartmentController(DepartmentRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    ResponseEntity<DepartmentResponse> register(@Valid @RequestBody RegisterDepartmentRequest request,
                                                @AuthenticationPrincipal Jwt jwt) {
        Department saved = registry.register(request, StaffUser.of(jwt));
        return ResponseEntity.created(URI.create("/api/v1/departments/" + saved.code()))
                .eTag("\"" + saved.version() + "\"")
                .body(DepartmentResponse.of(saved));
    }

    @GetMapping
    DepartmentPage list(@RequestParam(required = false) @Size(max = 30) String kind,
                        @RequestParam(required = false) @Size(max = 50) String district,
                        @RequestParam(name = "q", required = false) @Size(max = 100) String text,
                        @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                        @AuthenticationPrincipal Jwt jwt) {
        return registry.list(kind, district, text, page, size, StaffUser.of(jwt));
    }

    @GetMapping("/{code}")
    DepartmentResponse get(@PathVariable @Pattern(regexp = "[0-9]{6,12}") String code,
                           @AuthenticationPrincipal Jwt jwt) {
        return DepartmentResponse.of(registry.get(code, StaffUser.of(jwt)));
    }
}
