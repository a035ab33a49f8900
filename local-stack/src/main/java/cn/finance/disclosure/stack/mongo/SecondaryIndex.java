package cn.finance.disclosure.stack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A non-unique (optionally sparse) index for the MongoDB-wire server, which on its own accepts such an index and then
 * ignores it ("not yet implemented"), so every query on a field other than {@code _id} read the whole collection. Kept
 * in memory and rebuilt from the documents when the server opens a collection (the server fills an empty index
 * itself). It answers equality on any leading keys (one map per prefix length) and, for a sparse index on one key,
 * {@code $exists: true}; it only narrows the candidates, since the server matches every candidate against the whole
 * query afterwards.
 */
final class SecondaryIndex<P> extends Index<P> {

    /** byPrefix.get(n - 1): the first n keys' values → positions. */
    private final List<Map<KeyValue, Set<P>>> byPrefix = new ArrayList<>();
    private final Map<P, Set<KeyValue>> keysOf = new HashMap<>();
    private final Map<Object, P> positionOfId = new HashMap<>();

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        for (int i = 0; i < keys.size(); i++) {
            byPrefix.add(new HashMap<>());
        }
    }

    int keyCount() {
        return getKeys().size();
    }

    boolean sparse() {
        return isSparse();
    }

    /** Positions whose first {@code values.size()} keys equal {@code values} (already normalized). */
    synchronized Collection<P> positionsFor(KeyValue values) {
        Set<P> found = byPrefix.get(values.size() - 1).get(values);
        return found == null ? List.of() : List.copyOf(found);
    }

    /** Every indexed position: for a sparse index, the documents that have the key. */
    synchronized Collection<P> allPositions() {
        return List.copyOf(keysOf.keySet());
    }

    @Override
    public synchronized P getPosition(Document document) {
        return positionOfId.get(id(document));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        positionOfId.put(id(document), position);
        if (isSparse() && hasNoValueForKeys(document)) {
            return;
        }
        Set<KeyValue> values = new LinkedHashSet<>();
        for (KeyValue full : getKeyValues(document)) {
            KeyValue normalized = full.normalized();
            values.add(normalized);
            for (int n = 1; n <= normalized.size(); n++) {
                byPrefix.get(n - 1).computeIfAbsent(prefix(normalized, n), k -> new LinkedHashSet<>()).add(position);
            }
        }
        if (!values.isEmpty()) {
            keysOf.put(position, values);
        }
    }

    @Override
    public synchronized P remove(Document document) {
        P position = positionOfId.remove(id(document));
        if (position != null) {
            forget(position);
        }
        return position;
    }

    private void forget(P position) {
        Set<KeyValue> values = keysOf.remove(position);
        if (values == null) {
            return;
        }
        for (KeyValue full : values) {
            for (int n = 1; n <= full.size(); n++) {
                KeyValue key = prefix(full, n);
                Set<P> positions = byPrefix.get(n - 1).get(key);
                if (positions != null) {
                    positions.remove(position);
                    if (positions.isEmpty()) {
                        byPrefix.get(n - 1).remove(key);
                    }
                }
            }
        }
    }

    @Override
    public boolean canHandle(Document query) {
        return false; // IndexedH2Collection picks among the indexes and asks positionsFor/allPositions itself
    }

    /** Every document's position: a superset, which the server narrows by matching the query (never asked today). */
    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        return List.copyOf(positionOfId.values());
    }

    @Override
    public synchronized long getCount() {
        return keysOf.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
                                           MongoCollection<P> collection) {
        positionOfId.remove(id(oldDocument));
        forget(position);
        add(newDocument, position, collection);
    }

    @Override
    public synchronized void drop() {
        byPrefix.forEach(Map::clear);
        keysOf.clear();
        positionOfId.clear();
    }

    private boolean hasNoValueForKeys(Document document) {
        return keys().stream().allMatch(key -> Missing.isNullOrMissing(
                Utils.getSubdocumentValueCollectionAware(document, key)));
    }

    private static KeyValue prefix(KeyValue full, int n) {
        return n == full.size() ? full : new KeyValue(full.stream().limit(n).toList());
    }

    private static Object id(Document document) {
        return document.get("_id");
    }
}
