package cn.finance.disclosure.stack.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A collection of the MongoDB-wire server that uses its indexes for the queries the services run. The server on its
 * own uses an index only when a query names exactly that index's keys and nothing else, so {@code {_id, version}} (every
 * conditional write of an aggregate) or {@code {departmentCode, fiscalYear, status}} read the whole collection: the
 * cost of each write grew with the data. Here the equalities of a query (top level and inside {@code $and}) pick an
 * index whose keys (a unique index) or leading keys (a {@link SecondaryIndex}) they fix, or a sparse index answers
 * {@code $exists: true} on its key; the candidates are then matched against the whole query as before, so the answer is
 * the same, only found without the scan.
 */
final class IndexedH2Collection extends H2Collection {

    /** How many queries an index answered, and how many read everything: for tests and the benchmark's notes. */
    static final AtomicLong INDEXED = new AtomicLong();
    static final AtomicLong SCANNED = new AtomicLong();

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Iterable<Object> candidates = candidates(query);
        if (candidates == null) {
            SCANNED.incrementAndGet();
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        INDEXED.incrementAndGet();
        return matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The positions an index narrows the query to, or null when no index fits. */
    private Iterable<Object> candidates(Document query) {
        Map<String, Object> equal = new LinkedHashMap<>();
        List<String> exists = new ArrayList<>();
        collect(query, equal, exists);
        if (equal.isEmpty() && exists.isEmpty()) {
            return null;
        }
        List<Index<Object>> indexes = getIndexes();
        for (Index<Object> index : indexes) { // a unique index fixed by the equalities: one document at most
            if (!(index instanceof SecondaryIndex) && !index.getKeys().isEmpty()
                    && index.getKeys().stream().allMatch(k -> equal.containsKey(k.getKey()))) {
                Document exact = new Document();
                index.getKeys().forEach(k -> exact.put(k.getKey(), equal.get(k.getKey())));
                if (index.canHandle(exact)) {
                    return index.getPositions(exact);
                }
            }
        }
        Collection<Object> best = null;
        for (Index<Object> index : indexes) {
            if (index instanceof SecondaryIndex<Object> secondary) {
                List<Object> fixed = new ArrayList<>();
                for (var key : secondary.getKeys()) {
                    if (!equal.containsKey(key.getKey())) {
                        break;
                    }
                    fixed.add(equal.get(key.getKey()));
                }
                Collection<Object> found = null;
                if (!fixed.isEmpty()) {
                    found = secondary.positionsFor(new KeyValue(fixed).normalized());
                } else if (secondary.sparse() && secondary.keyCount() == 1
                        && exists.contains(secondary.getKeys().getFirst().getKey())) {
                    found = secondary.allPositions();
                }
                if (found != null && (best == null || found.size() < best.size())) {
                    best = found;
                }
            }
        }
        return best;
    }

    /** Field equalities and {@code $exists: true} fields of a query, from its top level and its {@code $and}s. */
    private static void collect(Document query, Map<String, Object> equal, List<String> exists) {
        for (Map.Entry<String, Object> e : query.entrySet()) {
            String field = e.getKey();
            Object value = e.getValue();
            if (field.equals("$and") && value instanceof Collection<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document d) {
                        collect(d, equal, exists);
                    }
                }
            } else if (field.startsWith("$")) {
                continue;
            } else if (isPlainValue(value)) {
                equal.putIfAbsent(field, value);
            } else if (value instanceof Document operators && operators.size() == 1
                    && Boolean.TRUE.equals(operators.get("$exists"))) {
                exists.add(field);
            } else if (value instanceof Document operators && operators.size() == 1
                    && operators.get("$eq") != null && isPlainValue(operators.get("$eq"))) {
                equal.putIfAbsent(field, operators.get("$eq"));
            }
        }
    }

    private static boolean isPlainValue(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Date || value instanceof UUID || value instanceof de.bwaldvogel.mongo.bson.ObjectId;
    }

}
