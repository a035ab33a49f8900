package cn.finance.disclosure.publication.publicapi;

import cn.finance.disclosure.publication.disclosure.Disclosure;
import cn.finance.disclosure.publication.disclosure.DisclosureProjections;
import cn.finance.disclosure.publication.disclosure.PublishedVersion;
import cn.finance.disclosure.support.web.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;

/**
 * Anonymous reads of released versions: their metadata from the disclosure, their content from the released contents
 * under the number and hash the disclosure references. A disclosure with no released version does not exist here.
 */
@Service
class PublicCatalog {

    private final DisclosureProjections disclosures;

    PublicCatalog(DisclosureProjections disclosures) {
        this.disclosures = disclosures;
    }

    PublicViews.ListPage list(Integer fiscalYear, String text, int page, int size) {
        DisclosureProjections.ReleasedPage found = disclosures.released(fiscalYear, text, page, size);
        List<PublicViews.ListItem> items = found.items().stream()
                .map(r -> new PublicViews.ListItem(r.departmentCode(), r.departmentName(), r.fiscalYear(),
                        r.currentVersion(), r.releasedAt(), r.contentHash(),
                        Disclosure.publicPath(r.departmentCode(), r.fiscalYear()) + "/versions/" + r.currentVersion()))
                .toList();
        return new PublicViews.ListPage(items, page, size, found.total());
    }

    /** A disclosure that has at least one released version; 404 otherwise (drafts are never public). */
    Disclosure published(String code, int fiscalYear) {
        return disclosures.published(code, fiscalYear)
                .orElseThrow(() -> DomainException.notFound("单位 " + code + " 尚无已公开的 " + fiscalYear + " 年度部门预算"));
    }

    PublishedVersion current(Disclosure d) {
        return d.current().orElseThrow(() -> new DomainException(HttpStatus.GONE, "withdrawn", "已撤回",
                "单位 " + d.departmentCode() + " " + d.fiscalYear() + " 年度部门预算公开已撤回，目前没有现行版本；历史版本见 "
                        + Disclosure.publicPath(d.departmentCode(), d.fiscalYear()) + "/versions",
                Map.of("versions", Disclosure.publicPath(d.departmentCode(), d.fiscalYear()) + "/versions")));
    }

    /** The version's content, canonical JSON, exactly what its hash is computed over. */
    String content(Disclosure d, PublishedVersion v) {
        return disclosures.releasedContent(d, v);
    }

    PublishedVersion version(Disclosure d, int number) {
        return d.version(number).orElseThrow(() -> DomainException.notFound("单位 " + d.departmentCode() + " "
                + d.fiscalYear() + " 年度部门预算公开没有第" + number + "版"));
    }
}
