package cn.finance.disclosure.publication.disclosure;

import org.springframework.data.mongodb.repository.MongoRepository;

interface DisclosureRepository extends MongoRepository<Disclosure, String> {
}
