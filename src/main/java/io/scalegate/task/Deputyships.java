package io.scalegate.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Every deputyship named, ended or not. */
interface Deputyships extends ListCrudRepository<Deputyship, Long> {

	/** Those of the deputy that have not ended before {@code day}. */
	List<Deputyship> findByDeputyAndLastDayGreaterThanEqual(String deputy, LocalDate day);

	/** Those of the absent person that have not ended before {@code day}. */
	List<Deputyship> findByAbsentAndLastDayGreaterThanEqual(String absent, LocalDate day);

	List<Deputyship> findByAbsentOrDeputyOrNamedByOrderByFirstDayDescIdDesc(String absent, String deputy,
			String namedBy);

	List<Deputyship> findByAbsentOrderByFirstDayDescIdDesc(String absent);

	List<Deputyship> findTop500ByOrderByFirstDayDescIdDesc();

	/** Ends it now, unless someone else ended it first: the number of rows changed. */
	@Modifying
	@Query("update deputyship set ended_by = :by, ended_at = :at where id = :id and ended_at is null")
	int end(long id, String by, Instant at);

}
