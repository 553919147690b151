package io.scalegate.gate.process;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A node stopped gracefully stops taking jobs before anything else, and hands back the
 * jobs it had queued (docs/adr/0027). Spring stops the job threads' executor as soon as
 * the context closes, while the engine's job acquisition goes on until the engine closes,
 * after the web server has drained: in between, the acquisition locked jobs that the
 * executor refused, and they waited out the lock. So the job executor stops first: its
 * acquisition ends, and each job it queued but has not started is unlocked by the engine
 * (a job thread unlocks the jobs it finds its executor stopped for); a job running
 * finishes. Not handed back yet: a batch the acquisition held in memory because the
 * threads were busy (ADR 0027).
 */
@Component
// as the starter's job executor bean: a context without job execution (most tests) has
// none
@ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true",
		matchIfMissing = true)
class JobHandback {

	private final JobExecutor jobExecutor;

	JobHandback(JobExecutor jobExecutor) {
		this.jobExecutor = jobExecutor;
	}

	/** Before every other listener, the job threads' executor among them. */
	@EventListener(ContextClosedEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void handBack() {
		jobExecutor.shutdown();
	}

}
