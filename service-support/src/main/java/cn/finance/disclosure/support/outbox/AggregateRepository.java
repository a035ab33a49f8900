package cn.finance.disclosure.support.outbox;

import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;

import java.util.Optional;

/**
 * The repository of an aggregate with an outbox: reads only. Writes go through {@link AggregateStore}; there is no
 * {@code save} here to call by mistake.
 */
@NoRepositoryBean
public interface AggregateRepository<T extends OutboxAggregate, ID> extends Repository<T, ID> {

    Optional<T> findById(ID id);

    boolean existsById(ID id);
}
