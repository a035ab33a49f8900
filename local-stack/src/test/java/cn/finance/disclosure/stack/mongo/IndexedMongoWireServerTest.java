package cn.finance.disclosure.stack.mongo;

import cn.finance.disclosure.stack.FreePorts;
import cn.finance.disclosure.stack.MongoWireServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MongoDB-wire server answers the services' queries through their indexes (no read of the whole collection) and
 * with exactly the documents a full read would give, through inserts, updates, deletes and a restart on the same file.
 */
class IndexedMongoWireServerTest {

    static final int DOCUMENTS = 600;

    @TempDir
    Path dir;

    @Test
    void queriesUseTheDeclaredIndexesAndFindWhatAScanFinds() throws Exception {
        Path file = dir.resolve("mongo.mv");
        int port = FreePorts.next();
        List<Document> expected = new ArrayList<>();
        try (MongoWireServer server = MongoWireServer.fileBacked(port, file);
             MongoClient client = MongoClients.create(server.uri("test"))) {
            MongoCollection<Document> budgets = client.getDatabase("test").getCollection("budgets");
            budgets.createIndex(Indexes.ascending("departmentCode", "fiscalYear", "status"));
            budgets.createIndex(Indexes.ascending("outbox.eventId"), new IndexOptions().sparse(true));
            for (int i = 0; i < DOCUMENTS; i++) {
                Document d = new Document("_id", "b-" + i).append("departmentCode", String.valueOf(405000 + i % 50))
                        .append("fiscalYear", 2023 + i % 3).append("status", i % 4 == 0 ? "APPROVED" : "DRAFT")
                        .append("version", 1L)
                        .append("outbox", i % 10 == 0 ? List.of(new Document("eventId", "e-" + i)) : List.of());
                budgets.insertOne(d);
                expected.add(d);
            }
            checkQueries(budgets, expected);

            // writes keep the indexes right: a conditional update on {_id, version}, moving a document, a delete
            assertThat(assertIndexed(() -> budgets.updateOne(
                    Filters.and(Filters.eq("_id", "b-10"), Filters.eq("version", 1L)),
                    Updates.combine(Updates.set("version", 2L), Updates.set("outbox", List.of()),
                            Updates.set("status", "APPROVED"))).getModifiedCount())).isEqualTo(1L);
            budgets.updateOne(Filters.eq("_id", "b-11"), Updates.set("departmentCode", "999999"));
            budgets.deleteOne(Filters.eq("_id", "b-20"));
            replace(expected, "b-10", d -> d.append("version", 2L).append("outbox", List.of()).append("status", "APPROVED"));
            replace(expected, "b-11", d -> d.append("departmentCode", "999999"));
            expected.removeIf(d -> d.get("_id").equals("b-20"));
            checkQueries(budgets, expected);
        }
        // the same file opened again: the in-memory indexes are rebuilt from the documents
        try (MongoWireServer server = MongoWireServer.fileBacked(port, file);
             MongoClient client = MongoClients.create(server.uri("test"))) {
            checkQueries(client.getDatabase("test").getCollection("budgets"), expected);
        }
    }

    private static void checkQueries(MongoCollection<Document> budgets, List<Document> all) {
        check(budgets, all, Filters.and(Filters.eq("departmentCode", "405007"), Filters.eq("fiscalYear", 2024)),
                d -> d.get("departmentCode").equals("405007") && d.get("fiscalYear").equals(2024));
        check(budgets, all, Filters.and(Filters.eq("departmentCode", "405007"), Filters.eq("fiscalYear", 2024),
                        Filters.eq("status", "APPROVED")),
                d -> d.get("departmentCode").equals("405007") && d.get("fiscalYear").equals(2024)
                        && d.get("status").equals("APPROVED"));
        check(budgets, all, Filters.eq("departmentCode", "999999"), d -> d.get("departmentCode").equals("999999"));
        check(budgets, all, Filters.exists("outbox.eventId"), d -> !((List<?>) d.get("outbox")).isEmpty());
        check(budgets, all, Filters.and(Filters.eq("_id", "b-10"), Filters.eq("version", 2L)),
                d -> d.get("_id").equals("b-10") && d.get("version").equals(2L));
        check(budgets, all, new Document("$and", List.of(new Document("departmentCode", "405001"),
                        new Document("$or", List.of(new Document("status", "DRAFT"), new Document("status", "X"))))),
                d -> d.get("departmentCode").equals("405001") && d.get("status").equals("DRAFT"));
    }

    private static void check(MongoCollection<Document> budgets, List<Document> all, Bson filter,
                              Predicate<Document> expected) {
        List<Object> wanted = all.stream().filter(expected).map(d -> d.get("_id")).sorted().toList();
        List<Object> found = assertIndexed(() -> budgets.find(filter).sort(Sorts.ascending("_id"))
                .map(d -> d.get("_id")).into(new ArrayList<>()));
        assertThat(found).as(filter.toString()).isEqualTo(wanted);
    }

    /** Runs a query and asserts an index answered it (nothing read the whole collection); returns its result. */
    private static <T> T assertIndexed(java.util.function.Supplier<T> query) {
        long[] before = IndexedH2Backend.queryCounts();
        T result = query.get();
        long[] after = IndexedH2Backend.queryCounts();
        assertThat(after[1] - before[1]).as("queries that read the whole collection").isZero();
        assertThat(after[0] - before[0]).as("queries answered through an index").isPositive();
        return result;
    }

    private static void replace(List<Document> all, String id, java.util.function.UnaryOperator<Document> change) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).get("_id").equals(id)) {
                all.set(i, change.apply(new Document(all.get(i))));
            }
        }
    }
}
