package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.support.outbox.AggregateRepository;

interface DisclosureRepository extends AggregateRepository<Disclosure, String> {
}
