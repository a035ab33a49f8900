package cn.finance.disclosure.portal.web;

import cn.finance.disclosure.portal.PortalProperties;
import cn.finance.disclosure.portal.archive.Archive;
import cn.finance.disclosure.portal.archive.ArchivedVersion;
import cn.finance.disclosure.portal.archive.DisclosureRecord;
import cn.finance.disclosure.portal.archive.VersionState;
import cn.finance.disclosure.portal.content.Charts;
import cn.finance.disclosure.portal.content.Content;
import cn.finance.disclosure.portal.content.VersionDiff;
import cn.finance.disclosure.portal.verify.Verification;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A disclosure (the version on show, or a chosen version), its downloads, and the difference between two versions.
 * Only verified copies are ever shown; a refused current version is named with the reason, beside the last verified.
 */
@Controller
class DisclosureController {

    private final Archive archive;
    private final PortalProperties properties;

    DisclosureController(Archive archive, PortalProperties properties) {
        this.archive = archive;
        this.properties = properties;
    }

    @GetMapping("/disclosures/{code}/{year}")
    String current(@PathVariable String code, @PathVariable String year, Model model) {
        DisclosureRecord d = disclosure(code, year);
        VersionState shown = d.shown().orElse(null);
        if (shown == null) {
            model.addAttribute("disclosure", d);
            model.addAttribute("versions", Views.VersionLine.of(d));
            model.addAttribute("refused", d.refusedCurrent().map(v -> Views.VersionLine.of(d, v)).orElse(null));
            model.addAttribute("withdrawn", d.withdrawn());
            return "disclosure-none";
        }
        return page(d, shown, model);
    }

    @GetMapping("/disclosures/{code}/{year}/versions/{n}")
    String version(@PathVariable String code, @PathVariable String year, @PathVariable String n, Model model) {
        DisclosureRecord d = disclosure(code, year);
        VersionState v = verified(d, Paths.version(n));
        return page(d, v, model);
    }

    @GetMapping("/disclosures/{code}/{year}/versions/{n}.txt")
    ResponseEntity<byte[]> text(@PathVariable String code, @PathVariable String year, @PathVariable String n) {
        DisclosureRecord d = disclosure(code, year);
        VersionState v = verified(d, Paths.version(n));
        Content content = content(archived(d, v));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(d.departmentCode() + "-" + d.fiscalYear() + "-v" + v.version() + ".txt",
                                StandardCharsets.UTF_8).build().toString())
                .body(content.text().getBytes(StandardCharsets.UTF_8));
    }

    /** The version's JSON exactly as the portal received and verified it: anyone can check it again. */
    @GetMapping("/disclosures/{code}/{year}/versions/{n}.json")
    ResponseEntity<byte[]> json(@PathVariable String code, @PathVariable String year, @PathVariable String n) {
        DisclosureRecord d = disclosure(code, year);
        VersionState v = verified(d, Paths.version(n));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .eTag("\"" + v.contentHash() + "\"")
                .body(archived(d, v).json().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/disclosures/{code}/{year}/diff")
    String diff(@PathVariable String code, @PathVariable String year, @RequestParam String from,
                @RequestParam String to, Model model) {
        DisclosureRecord d = disclosure(code, year);
        VersionState older = verified(d, Paths.version(from));
        VersionState newer = verified(d, Paths.version(to));
        VersionDiff.Result diff = VersionDiff.between(content(archived(d, older)), content(archived(d, newer)));
        model.addAttribute("disclosure", d);
        model.addAttribute("older", Views.VersionLine.of(d, older));
        model.addAttribute("newer", Views.VersionLine.of(d, newer));
        model.addAttribute("diff", diff);
        return "diff";
    }

    private String page(DisclosureRecord d, VersionState v, Model model) {
        ArchivedVersion archived = archived(d, v);
        Content content = content(archived);
        model.addAttribute("disclosure", d);
        model.addAttribute("version", Views.VersionLine.of(d, v));
        model.addAttribute("content", content);
        model.addAttribute("versions", Views.VersionLine.of(d));
        model.addAttribute("refused", d.refusedCurrent().map(r -> Views.VersionLine.of(d, r)).orElse(null));
        model.addAttribute("isCurrent", d.currentVersion() != null && d.currentVersion() == v.version());
        var byFunction = Charts.byFunctionClass(content);
        var yearOnYear = Charts.yearOnYear(content);
        model.addAttribute("functionChart", byFunction.toString());
        model.addAttribute("yearChart", yearOnYear.toString());
        model.addAttribute("hasFunctionChart", !byFunction.isEmpty());
        model.addAttribute("hasYearChart", !yearOnYear.path("items").isEmpty());
        model.addAttribute("downloads", downloads(d, v, archived, content));
        model.addAttribute("verifiedAt", Times.seconds(archived.verifiedAt()));
        return "disclosure";
    }

    private List<Views.Download> downloads(DisclosureRecord d, VersionState v, ArchivedVersion archived, Content content) {
        String own = "/disclosures/" + d.departmentCode() + "/" + d.fiscalYear() + "/versions/" + v.version();
        String platform = properties.publicUrl() + "/public/v1/publications/" + d.departmentCode() + "/"
                + d.fiscalYear() + "/versions/" + v.version();
        List<Views.Download> out = new ArrayList<>();
        out.add(new Views.Download("说明全文（.txt）", own + ".txt", "本门户保存的已校验副本"));
        out.add(new Views.Download("版本数据（.json）", own + ".json", "与平台发布的字节完全一致，可自行校验"));
        if (archived.formats() != null && archived.formats().contains("xlsx")) {
            out.add(new Views.Download("全部表格（.xlsx）", platform + ".xlsx", "由平台提供"));
        }
        if (archived.formats() != null && archived.formats().contains("pdf")) {
            out.add(new Views.Download("公开文件（.pdf）", platform + ".pdf", "由平台提供"));
        }
        for (Content.Table t : content.tables()) {
            out.add(new Views.Download(t.title() + "（.csv）", platform + "/tables/" + t.code() + ".csv", "由平台提供"));
        }
        return out;
    }

    private DisclosureRecord disclosure(String code, String year) {
        Paths.requireCode(code);
        int fiscalYear = Paths.year(year);
        return archive.disclosure(code, fiscalYear).orElseThrow(() -> new PageAdvice.NotFound(
                "本门户尚未收到单位 " + code + " " + fiscalYear + " 年度的预算公开。"));
    }

    private static VersionState verified(DisclosureRecord d, int number) {
        VersionState v = d.version(number).orElseThrow(() -> new PageAdvice.NotFound("没有第" + number + "版。"));
        if (!v.verified()) {
            throw new PageAdvice.NotFound("第" + number + "版未通过本门户的校验，不予显示"
                    + (v.problem() == null ? "。" : "：" + v.problem()));
        }
        return v;
    }

    private ArchivedVersion archived(DisclosureRecord d, VersionState v) {
        return archive.version(d.departmentCode(), d.fiscalYear(), v.version()).orElseThrow(() ->
                new PageAdvice.NotFound("本门户没有第" + v.version() + "版的副本。"));
    }

    private static Content content(ArchivedVersion archived) {
        return Content.of(Verification.STRICT.readTree(archived.json()).path("content"));
    }
}
