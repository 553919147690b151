package io.scalegate.gate.process;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A node stopped gracefully hands its jobs back to the other nodes at once instead of
 * leaving them locked until the lock expires (docs/adr/0027). Spring stops the job
 * threads' executor as soon as the context closes, while the engine's job acquisition
 * goes on until the engine closes, after the web server has drained: in between, the
 * acquisition locked jobs that the executor refused, and they waited out the lock. So the
 * job executor stops first: its acquisition ends, and each job it acquired but has not
 * started is unlocked by the engine (a job thread unlocks the jobs it finds its executor
 * stopped for); a job running finishes.
 */
@Component
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
