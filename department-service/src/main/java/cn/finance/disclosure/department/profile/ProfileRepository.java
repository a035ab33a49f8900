package cn.finance.disclosure.department.profile;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface ProfileRepository extends MongoRepository<DepartmentProfile, String> {
}
