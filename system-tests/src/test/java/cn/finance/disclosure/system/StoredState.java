package cn.finance.disclosure.system;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the services have stored, read through the real MongoDB driver: every document of every collection of
 * the three databases, in _id order, as canonical extended JSON. Two snapshots compare equal only if nothing changed.
 */
final class StoredState {

    static final List<String> DATABASES = List.of("departments", "budgets", "publications");
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private StoredState() {
    }

    static Map<String, List<String>> snapshot(int mongoPort) {
        Map<String, List<String>> state = new TreeMap<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            for (String name : DATABASES) {
                MongoDatabase db = client.getDatabase(name);
                for (String collection : db.listCollectionNames()) {
                    List<String> documents = new ArrayList<>();
                    for (Document d : db.getCollection(collection).find().sort(new Document("_id", 1))) {
                        d.remove("relayClaim"); // a relay's lease: held during a pass, left expired by a failed one
                        documents.add(d.toJson(JSON));
                    }
                    state.put(name + "." + collection, documents);
                }
            }
        }
        return state;
    }

    static long count(int mongoPort, String database, String collection, Document filter) {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            return client.getDatabase(database).getCollection(collection).countDocuments(filter);
        }
    }
}
