package io.scalegate.gate.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.BareEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A node stopped while its one job thread is busy hands back the jobs its acquisition had
 * locked and the thread refused (ADR 0027): a bare engine of its own whose job executor
 * has one thread, held, and no queue, so that every batch it acquires is refused and kept
 * in the acquisition's memory.
 */
class JobHandbackTest {

	ProcessEngine engine;

	SpringJobExecutor jobExecutor;

	ThreadPoolTaskExecutor jobThreads;

	CountDownLatch threadBusy = new CountDownLatch(1);

	JdbcClient jdbc;

	@BeforeEach
	void engineWithOneBusyJobThread() {
		jobThreads = new ThreadPoolTaskExecutor();
		jobThreads.setCorePoolSize(1);
		jobThreads.setMaxPoolSize(1);
		jobThreads.setQueueCapacity(0);
		jobThreads.initialize();
		jobThreads.execute(() -> {
			try {
				threadBusy.await();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		jobExecutor = new SpringJobExecutor();
		jobExecutor.setTaskExecutor(jobThreads);
		jobExecutor.setLockOwner("this-node");
		jobExecutor.setWaitTimeInMillis(50);
		ProcessEngineConfigurationImpl configuration = BareEngine.configuration("job-handback");
		configuration.setJobExecutor(jobExecutor);
		engine = configuration.buildProcessEngine();
		DataSource dataSource = configuration.getDataSource();
		jdbc = JdbcClient.create(dataSource);
		engine.getRepositoryService()
			.createDeployment()
			.addString("handback.bpmn",
					BareEngine.oneTaskProcess("handback", "<manualTask id=\"task\" camunda:asyncBefore=\"true\" />"))
			.deploy();
	}

	@AfterEach
	void close() {
		threadBusy.countDown();
		jobExecutor.shutdown();
		jobThreads.shutdown();
		engine.close();
	}

	@Test
	void jobsLockedButRefusedByBusyThreadsAreUnlockedOnStopAndNoOtherLock() throws Exception {
		String running = newJob();
		// as a job this node is running: locked by it, never refused
		jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = 'this-node', LOCK_EXP_TIME_ = ? where ID_ = ?")
			.params(java.sql.Timestamp.from(Instant.now().plus(Duration.ofMinutes(1))), running)
			.update();
		List<String> refused = IntStream.range(0, 3).mapToObj(i -> newJob()).toList();

		jobExecutor.start();
		Instant until = Instant.now().plusSeconds(30);
		while (lockedByThisNode(refused) < refused.size() && Instant.now().isBefore(until)) {
			Thread.sleep(20);
		}
		assertThat(lockedByThisNode(refused)).as("the acquisition locked them, the busy thread refused them")
			.isEqualTo(refused.size());
		// as if one lock had expired and another node had taken the job
		jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = 'other-node' where ID_ = ?").param(refused.get(0)).update();

		new JobHandback(jobExecutor).handBack();

		assertThat(jobExecutor.isActive()).isFalse();
		assertThat(lockOwner(refused.get(1))).as("handed back").isNull();
		assertThat(lockOwner(refused.get(2))).as("handed back").isNull();
		assertThat(jdbc.sql("select count(*) from ACT_RU_JOB where LOCK_EXP_TIME_ is null and ID_ in (:ids)")
			.param("ids", refused.subList(1, 3))
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(lockOwner(refused.get(0))).as("another node's lock stays").isEqualTo("other-node");
		assertThat(lockOwner(running)).as("a job started here keeps its lock until it ends").isEqualTo("this-node");
	}

	private String newJob() {
		String instance = engine.getRuntimeService().startProcessInstanceByKey("handback").getId();
		return engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult().getId();
	}

	private long lockedByThisNode(List<String> jobs) {
		return jdbc.sql("select count(*) from ACT_RU_JOB where LOCK_OWNER_ = 'this-node' and ID_ in (:ids)")
			.param("ids", jobs)
			.query(Long.class)
			.single();
	}

	private String lockOwner(String job) {
		return jdbc.sql("select LOCK_OWNER_ from ACT_RU_JOB where ID_ = ?")
			.param(job)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
