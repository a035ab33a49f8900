package cn.finance.disclosure.budget.workbook;

import cn.finance.disclosure.budget.submission.Budget;
import cn.finance.disclosure.budget.submission.BudgetResponse;
import cn.finance.disclosure.support.security.StaffUser;
import cn.finance.disclosure.support.web.ETags;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Budget workbooks over HTTP. The import takes the raw .xlsx as the request body (no multipart: the services parse
 * none), under its own content type only, so JSON endpoints keep their strict JSON-only reading.
 */
@RestController
@Validated
@RequestMapping("/api/v1/budgets")
class WorkbookController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final WorkbookService workbooks;

    WorkbookController(WorkbookService workbooks) {
        this.workbooks = workbooks;
    }

    @GetMapping("/templates/{fiscalYear:[0-9]{4}}.xlsx")
    ResponseEntity<byte[]> template(@PathVariable @Min(2000) @Max(2100) int fiscalYear) {
        return file(workbooks.template(fiscalYear), "预算填报模板-" + fiscalYear + ".xlsx");
    }

    @PostMapping(path = "/imports", consumes = XLSX)
    ResponseEntity<BudgetResponse> importWorkbook(@RequestBody byte[] body, @AuthenticationPrincipal Jwt jwt) {
        Budget created = workbooks.importWorkbook(body, StaffUser.of(jwt));
        return ResponseEntity.created(URI.create("/api/v1/budgets/" + created.id()))
                .eTag(ETags.of(created.version())).body(BudgetResponse.of(created));
    }

    @GetMapping("/{id}/workbook")
    ResponseEntity<byte[]> export(@PathVariable @Pattern(regexp = "[0-9A-Za-z-]{1,64}") String id,
                                  @AuthenticationPrincipal Jwt jwt) {
        return file(workbooks.export(id, StaffUser.of(jwt)), "预算-" + id + ".xlsx");
    }

    private static ResponseEntity<byte[]> file(byte[] body, String filename) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
