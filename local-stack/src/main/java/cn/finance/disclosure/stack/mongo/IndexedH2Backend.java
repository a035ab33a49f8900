package cn.finance.disclosure.stack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * The MongoDB-wire server's H2 backend with the indexes the services declare actually used: non-unique indexes kept
 * ({@link SecondaryIndex}) and queries narrowed by any index their equalities fix ({@link IndexedH2Collection}).
 * Stored data is the plain H2 backend's: the same file opens with either.
 */
public final class IndexedH2Backend extends H2Backend {

    /** The store being opened: the database's constructor opens its collections before a subclass field is set. */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    public IndexedH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        OPENING.set(getMvStore());
        try {
            return new Database(databaseName, getMvStore(), getCursorRegistry());
        } finally {
            OPENING.remove();
        }
    }

    /** How many queries were answered through an index, and how many read the whole collection. */
    public static long[] queryCounts() {
        return new long[]{IndexedH2Collection.INDEXED.get(), IndexedH2Collection.SCANNED.get()};
    }

    private static final class Database extends H2Database {

        private final MVStore store;

        Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            super(databaseName, store, cursorRegistry);
            this.store = store;
        }

        private MVStore store() {
            return store != null ? store : OPENING.get();
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            // the plain backend's map names, so a file written by either opens with the other
            MVMap<Object, Document> dataMap = store().openMap("databases." + fullName);
            MVMap<String, Object> metaMap = store().openMap("meta." + fullName);
            return new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            return new SecondaryIndex<>(indexName, keys, sparse);
        }
    }
}
