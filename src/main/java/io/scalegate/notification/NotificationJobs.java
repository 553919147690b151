package io.scalegate.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The notification jobs on every node, each safe to run on several at once: the due-date
 * scan ({@code scan-every}), the immediate mails ({@code send-every}) and the daily
 * digest at {@code digest-time} in {@code zone}. {@code jobs-enabled=false} leaves them
 * to whoever calls them (tests).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationJobs implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(NotificationJobs.class);

	private final NotificationProperties properties;

	private final DueDateScan scan;

	private final NotificationMailer mailer;

	private final DigestMailer digest;

	NotificationJobs(NotificationProperties properties, DueDateScan scan, NotificationMailer mailer,
			DigestMailer digest) {
		this.properties = properties;
		this.scan = scan;
		this.mailer = mailer;
		this.digest = digest;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!properties.jobsEnabled()) {
			return;
		}
		// the first runs wait one interval: not while the application (and its demo data)
		// starts
		registrar.addFixedDelayTask(new FixedDelayTask(() -> safely("due-date scan", scan::scan),
				properties.scanEvery(), properties.scanEvery()));
		registrar.addFixedDelayTask(new FixedDelayTask(() -> safely("notification mails", mailer::sendDue),
				properties.sendEvery(), properties.sendEvery()));
		registrar.addCronTask(new org.springframework.scheduling.config.CronTask(
				() -> safely("daily digest", digest::sendDigests),
				new CronTrigger(
						"0 " + properties.digestTime().getMinute() + " " + properties.digestTime().getHour() + " * * *",
						properties.zone())));
	}

	private static void safely(String job, Runnable run) {
		try {
			run.run();
		}
		catch (RuntimeException failed) {
			// the next run tries again; the database may be away for a moment
			log.warn("{} failed: {}", job, failed.toString());
		}
	}

}
