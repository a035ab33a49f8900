package cn.finance.disclosure.testing;

import org.bson.Document;
import com.mongodb.client.MongoDatabase;

import java.util.ArrayList;
import java.util.List;


/**
 * Asks a real MongoDB how it would run a query ({@code explain}) and checks that the winning plan reads an index, not
 * the whole collection. The MongoDB-wire server used elsewhere accepts the indexes but always scans, so this runs only
 * on real MongoDB.
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    public static void assertUsesAnIndex(MongoDatabase db, String collection, Document filter, Document sort) {
        Document find = new Document("find", collection).append("filter", filter);
        if (sort != null) {
            find.append("sort", sort);
        }
        Document explained = db.runCommand(new Document("explain", find)
                .append("verbosity", "queryPlanner"));
        Document winning = explained.get("queryPlanner", Document.class).get("winningPlan", Document.class);
        List<String> stages = new ArrayList<>();
        collectStages(winning, stages);
        if (!stages.contains("IXSCAN") || stages.contains("COLLSCAN")) {
            throw new AssertionError(collection + " " + filter.toJson() + " sorted "
                    + (sort == null ? "-" : sort.toJson()) + " reads no index: " + winning.toJson());
        }
    }

    private static void collectStages(Object node, List<String> stages) {
        if (node instanceof Document d) {
            if (d.get("stage") instanceof String stage) {
                stages.add(stage);
            }
            d.values().forEach(v -> collectStages(v, stages));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectStages(v, stages));
        }
    }
}
