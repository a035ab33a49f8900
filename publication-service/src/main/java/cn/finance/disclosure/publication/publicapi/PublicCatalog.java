package cn.finance.disclosure.publication.publicapi;

import cn.finance.disclosure.publication.disclosure.Disclosure;
import cn.finance.disclosure.publication.disclosure.PublishedVersion;
import cn.finance.disclosure.support.web.DomainException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Anonymous reads of released versions. A disclosure with no released version does not exist here. */
@Service
class PublicCatalog {

    private final MongoTemplate mongo;

    PublicCatalog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    PublicViews.ListPage list(Integer fiscalYear, String text, int page, int size) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(Criteria.where("currentVersion").ne(null));
        if (fiscalYear != null) {
            filters.add(Criteria.where("fiscalYear").is(fiscalYear));
        }
        if (text != null && !text.isBlank()) {
            String t = text.strip();
            filters.add(new Criteria().orOperator(
                    Criteria.where("departmentName").regex(Pattern.compile(Pattern.quote(t))),
                    Criteria.where("departmentCode").regex(Pattern.compile("^" + Pattern.quote(t)))));
        }
        Query query = new Query(new Criteria().andOperator(filters));
        long total = mongo.count(query, Disclosure.class);
        query.with(Sort.by(Sort.Order.desc("fiscalYear"), Sort.Order.asc("departmentCode")))
                .skip((long) page * size).limit(size);
        query.fields().include("departmentCode", "departmentName", "fiscalYear", "currentVersion",
                "currentContentHash", "currentReleasedAt");
        List<PublicViews.ListItem> items = mongo.find(query, org.bson.Document.class, "publications").stream()
                .map(d -> {
                    String code = d.getString("departmentCode");
                    int year = d.getInteger("fiscalYear");
                    int version = d.getInteger("currentVersion");
                    return new PublicViews.ListItem(code, d.getString("departmentName"), year, version,
                            d.getDate("currentReleasedAt").toInstant(), d.getString("currentContentHash"),
                            Disclosure.publicPath(code, year) + "/versions/" + version);
                }).toList();
        return new PublicViews.ListPage(items, page, size, total);
    }

    /** A disclosure that has at least one released version; 404 otherwise (drafts are never public). */
    Disclosure published(String code, int fiscalYear) {
        return mongo.query(Disclosure.class)
                .matching(Query.query(Criteria.where("_id").is(Disclosure.idOf(code, fiscalYear))
                        .and("versions.0").exists(true)))
                .one()
                .orElseThrow(() -> DomainException.notFound("单位 " + code + " 尚无已公开的 " + fiscalYear + " 年度部门预算"));
    }

    PublishedVersion current(Disclosure d) {
        return d.current().orElseThrow(() -> new DomainException(HttpStatus.GONE, "withdrawn", "已撤回",
                "单位 " + d.departmentCode() + " " + d.fiscalYear() + " 年度部门预算公开已撤回，目前没有现行版本；历史版本见 "
                        + Disclosure.publicPath(d.departmentCode(), d.fiscalYear()) + "/versions",
                Map.of("versions", Disclosure.publicPath(d.departmentCode(), d.fiscalYear()) + "/versions")));
    }

    PublishedVersion version(Disclosure d, int number) {
        return d.version(number).orElseThrow(() -> DomainException.notFound("单位 " + d.departmentCode() + " "
                + d.fiscalYear() + " 年度部门预算公开没有第" + number + "版"));
    }
}
