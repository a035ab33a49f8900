package cn.finance.disclosure.budget.catalogs;

import org.springframework.data.mongodb.repository.MongoRepository;

interface UploadedCodeListRepository extends MongoRepository<UploadedCodeList, String> {
}
