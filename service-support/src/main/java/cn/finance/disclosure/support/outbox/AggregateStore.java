package cn.finance.disclosure.support.outbox;

import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PersistentPropertyAccessor;
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
 * The one way to write an aggregate that carries an outbox ({@link OutboxAggregate}), in every service.
 *
 * <p>An update is one conditional single-document write: every field set (or unset) as the aggregate now has it, the
 * version checked and incremented, and only the events this change recorded pushed onto the stored outbox; then the
 * relay is woken. A plain {@code save} would write the outbox back as it was when the document was read, re-adding
 * events the relay had published and pulled meanwhile (it pulls without touching the version, so editors' ETags stay
 * valid): they would go out twice in normal operation, not only after a crash.
 */
public class AggregateStore {

    static final String OUTBOX = "outbox";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public AggregateStore(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /**
     * Stores a new aggregate with the events it recorded (its whole outbox is new).
     *
     * @throws org.springframework.dao.DuplicateKeyException when its id is taken
     */
    public <T extends OutboxAggregate> T insert(T aggregate) {
        T stored = mongo.insert(aggregate);
        aggregate.recordedEventsStored();
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(aggregate.getClass());
        relay.wakeUp(entity.getCollection(), entity.getIdentifierAccessor(stored).getIdentifier());
        return stored;
    }

    /**
     * Writes a changed aggregate read at the version it holds; on success the object holds the new version.
     *
     * @return the new version
     * @throws OptimisticLockingFailureException when the stored document is no longer at the version it was read at
     */
    public long update(OutboxAggregate aggregate) {
        MongoConverter converter = mongo.getConverter();
        MongoPersistentEntity<?> entity = converter.getMappingContext()
                .getRequiredPersistentEntity(aggregate.getClass());
        PersistentPropertyAccessor<OutboxAggregate> accessor = entity.getPropertyAccessor(aggregate);
        MongoPersistentProperty versionProperty = entity.getRequiredVersionProperty();
        Object id = accessor.getProperty(entity.getRequiredIdProperty());
        Number read = (Number) accessor.getProperty(versionProperty);
        if (id == null || read == null) {
            throw new IllegalArgumentException(entity.getCollection() + ": only a stored aggregate can be updated");
        }
        long version = read.longValue();
        Document written = new Document();
        converter.write(aggregate, written);
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
        String versionField = versionProperty.getFieldName();
        update.inc(versionField, 1L);
        List<OutboxMessage> recorded = aggregate.recordedEvents();
        List<Document> events = recorded.stream().map(message -> {
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
        long next = version + 1;
        accessor.setProperty(versionProperty, read instanceof Integer ? (Object) (int) next : (Object) next);
        aggregate.recordedEventsStored();
        if (!events.isEmpty()) {
            relay.wakeUp(entity.getCollection(), id);
        }
        return next;
    }
}
