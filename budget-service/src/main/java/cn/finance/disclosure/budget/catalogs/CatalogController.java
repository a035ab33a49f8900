package cn.finance.disclosure.budget.catalogs;

import cn.finance.disclosure.budget.catalog.CodeKind;
import cn.finance.disclosure.support.security.StaffUser;
import cn.finance.disclosure.support.web.DomainException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@RestController
@Validated
@RequestMapping("/api/v1/budgets/catalogs")
class CatalogController {

    private final Catalogs catalogs;

    CatalogController(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    @GetMapping("/{fiscalYear}")
    CatalogResponse get(@PathVariable @Min(2000) @Max(2100) int fiscalYear) {
        return catalogs.resolve(fiscalYear).map(CatalogResponse::of)
                .orElseThrow(() -> DomainException.notFound(fiscalYear + " 年度尚无科目表，请财政局管理员上传"));
    }

    /**
     * Body: the list as CSV ({@code code,name} a line), UTF-8 unless the Content-Type names another charset. A full
     * official list is a few thousand lines (≈200 KB), well within the services' request body limit.
     */
    @PutMapping(path = "/{fiscalYear}/{kind}", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    Catalogs.Uploaded upload(@PathVariable @Min(2000) @Max(2100) int fiscalYear,
                             @PathVariable @Pattern(regexp = "function|economic",
                                     message = "须为 function（功能分类）或 economic（经济分类）") String kind,
                             @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                             @RequestBody byte[] body,
                             @AuthenticationPrincipal Jwt jwt) {
        return catalogs.upload(fiscalYear, CodeKind.valueOf(kind.toUpperCase(Locale.ROOT)),
                text(body, contentType), StaffUser.of(jwt));
    }

    private static String text(byte[] body, String contentType) {
        Charset charset = StandardCharsets.UTF_8;
        try {
            Charset named = MediaType.parseMediaType(contentType).getCharset();
            if (named != null) {
                charset = named;
            }
        } catch (RuntimeException e) {
            throw bodyProblem("Content-Type 中的字符集无法识别：" + contentType);
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw bodyProblem("科目表不是 " + charset.name() + " 编码的文本。请另存为“CSV UTF-8”后上传，"
                    + "或在 Content-Type 中注明字符集（例如 text/csv; charset=GBK）");
        }
    }

    private static DomainException bodyProblem(String message) {
        return DomainException.badRequest("catalog-unreadable", message,
                Map.of("errors", List.of(Map.of("field", "(body)", "message", message))));
    }
}
