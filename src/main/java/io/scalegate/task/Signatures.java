package io.scalegate.task;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

/** Every signature given. */
interface Signatures extends ListCrudRepository<Signature, Long> {

	Optional<Signature> findByTaskId(String taskId);

	List<Signature> findByPartNumberOrderBySignedAtAsc(String partNumber);

	List<Signature> findByProcessInstanceIdAndTaskKeyIn(String processInstanceId, List<String> taskKeys);

}
