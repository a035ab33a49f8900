package cn.finance.disclosure.support.mongo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Creates every declared index once the beans are ready, before the web server and the listeners start: creating an
 * index that exists is a no-op, so every instance does it at every start. The local stack's MongoDB-wire server
 * uses them too (local-stack's IndexedH2Backend; the plain server in the services' own tests answers from a scan); on
 * a real MongoDB each query of the services uses one of these (checked by each service's index test with
 * {@code explain}).
 */
@Component
public class Indexes implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Indexes.class);

    private final MongoTemplate mongo;
    private final List<IndexDeclaration> declarations;


    public Indexes(MongoTemplate mongo, List<IndexPlan> plans) {
        this.mongo = mongo;
        this.declarations = plans.stream().flatMap(p -> p.indexes().stream()).toList();
    }

    @Override
    public void afterSingletonsInstantiated() {
        int created = 0;
        for (IndexDeclaration declaration : declarations) {
            for (Index index : declaration.on()) {
                mongo.indexOps(declaration.collection()).createIndex(index);
                created++;
            }
        }
        log.info("ensured {} index(es) on {} collection(s)", created, declarations.size());
    }

    public List<IndexDeclaration> declarations() {
        return declarations;
    }
}
