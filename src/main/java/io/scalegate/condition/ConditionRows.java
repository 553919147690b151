package io.scalegate.condition;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The conditions of every Go with conditions. */
interface ConditionRows extends ListCrudRepository<GateCondition, Long> {

	List<GateCondition> findByPartNumberOrderByRaisedAtAscPositionAsc(String partNumber);

	List<GateCondition> findByProcessInstanceIdOrderByPositionAsc(String processInstanceId);

	long countByPartNumberAndState(String partNumber, String state);

	long countByProcessInstanceIdAndState(String processInstanceId, String state);

	@Query("select distinct part_number from gate_condition where state = 'OPEN' and part_number in (:partNumbers)")
	List<String> conditionalAmong(Collection<String> partNumbers);

}
