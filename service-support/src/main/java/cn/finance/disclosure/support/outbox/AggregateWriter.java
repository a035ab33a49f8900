package cn.finance.disclosure.support.outbox;

import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;

/**
 * Writes a changed aggregate as one conditional single-document update: every field set (or unset) as the aggregate
 * now has it, the version checked and incremented, and only the events this change recorded pushed onto the stored
 * outbox. A plain {@code save} would write the outbox back as it was when the document was read, re-adding events
 * the relay had published and pulled meanwhile (it pulls without touching the version, so editors' ETags stay
 * valid): they would go out twice in normal operation, not only after a crash.
 */
public class AggregateWriter {

    static final String OUTBOX = "outbox";

    private final MongoTemplate mongo;

    public AggregateWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param version the version the aggregate was read at
     * @throws OptimisticLockingFailureException when the stored document is no longer at that version
     */
    public void update(Object aggregate, Object id, Long version, List<OutboxMessage> newEvents) {
        MongoConverter converter = mongo.getConverter();
        Document written = new Document();
        converter.write(aggregate, written);
        MongoPersistentEntity<?> entity = converter.getMappingContext()
                .getRequiredPersistentEntity(aggregate.getClass());
        Update update = new Update();
        entity.doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> {
            String field = property.getFieldName();
            if (property.isIdProperty() || property.isVersionProperty() || field.equals(OUTBOX)) {
                return;
            }
            if (written.containsKey(field)) {
                update.set(field, written.get(field));
            } else {
                update.unset(field);
            }
        });
        String versionField = entity.getRequiredVersionProperty().getFieldName();
        update.inc(versionField, 1L);
        List<Document> events = newEvents.stream().map(message -> {
            Document d = new Document();
            converter.write(message, d);
            d.remove("_class");
            return d;
        }).toList();
        if (!events.isEmpty()) {
            update.push(OUTBOX).each(events.toArray());
        }
        UpdateResult result = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(versionField).is(version)),
                update, entity.getCollection());
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(entity.getCollection() + " " + id
                    + " is no longer at version " + version);
        }
    }
}
