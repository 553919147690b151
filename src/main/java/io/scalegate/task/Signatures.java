package io.scalegate.task;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** Every signature given. */
interface Signatures extends ListCrudRepository<Signature, Long> {

	List<Signature> findByPartNumberOrderBySignedAtAsc(String partNumber);

	List<Signature> findByProcessInstanceIdAndTaskKeyIn(String processInstanceId, List<String> taskKeys);

}
