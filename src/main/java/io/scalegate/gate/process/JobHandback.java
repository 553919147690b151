package io.scalegate.gate.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.AcquireJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A node stopped gracefully stops taking jobs before anything else, and hands back the
 * jobs it locked but will not run (docs/adr/0027). Spring stops the job threads' executor
 * as soon as the context closes, while the engine's job acquisition goes on until the
 * engine closes, after the web server has drained: in between, the acquisition locked
 * jobs that the executor refused, and they waited out the lock. So the job executor stops
 * first, and its acquisition with it (Camunda joins the acquisition thread). What it
 * locked then: a job running finishes; a batch queued for the job threads is unlocked by
 * the thread that finds the executor stopped (Camunda); a batch the threads refused (all
 * busy) is held in the acquisition's memory to be offered again, and is unlocked here,
 * job by job, where this node still holds its lock. Not covered: a batch refused over and
 * over for longer than the lock (a minute of saturated threads), whose lock expired and
 * which this node then acquired again and started under the same owner; and a batch still
 * queued when Spring stops the job threads (threads busy past the web server's drain):
 * those wait out their lock.
 */
@Component
// as the starter's job executor bean: a context without job execution (most tests) has
// none
@ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true",
		matchIfMissing = true)
class JobHandback {

	private static final Logger log = LoggerFactory.getLogger(JobHandback.class);

	private final JobExecutor jobExecutor;

	JobHandback(JobExecutor jobExecutor) {
		this.jobExecutor = jobExecutor;
	}

	/** Before every other listener, the job threads' executor among them. */
	@EventListener(ContextClosedEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void handBack() {
		// the executor forgets its acquisition when it shuts down
		AcquireJobsRunnable acquisition = jobExecutor.getAcquireJobsRunnable();
		jobExecutor.shutdown();
		if (acquisition instanceof SequentialJobAcquisitionRunnable sequential) {
			unlockRefused(sequential.getAcquisitionContext().getRejectedJobsByEngine());
		}
	}

	private void unlockRefused(Map<String, List<List<String>>> refusedByEngine) {
		int handedBack = 0;
		for (ProcessEngineImpl engine : jobExecutor.getProcessEngines()) {
			for (List<String> batch : refusedByEngine.getOrDefault(engine.getName(), List.of())) {
				for (String jobId : batch) {
					try {
						if (engine.getProcessEngineConfiguration()
							.getCommandExecutorTxRequired()
							.execute(unlockIfHeld(jobId))) {
							handedBack++;
						}
					}
					catch (OptimisticLockingException taken) {
						// another node took it between the read and the unlock: not ours
					}
					catch (RuntimeException failed) {
						// the database, most likely: every further job would wait as
						// long, and
						// the shutdown has little time; what is left waits out its lock
						log.warn("Jobs not handed back from job {} on: {}", jobId, failed.toString());
						return;
					}
				}
			}
		}
		if (handedBack > 0) {
			log.info("Handed back {} jobs this node had locked but not started", handedBack);
		}
	}

	/**
	 * Unlocks the job where its lock is still this node's: a lock that expired meanwhile
	 * may now be another node's, whose run it must not open to a third.
	 */
	private Command<Boolean> unlockIfHeld(String jobId) {
		return commandContext -> {
			JobEntity job = commandContext.getJobManager().findJobById(jobId);
			if (job == null || !jobExecutor.getLockOwner().equals(job.getLockOwner())) {
				return false;
			}
			job.unlock();
			return true;
		};
	}

}
