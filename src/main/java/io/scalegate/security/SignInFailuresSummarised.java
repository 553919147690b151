package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.time.Instant;
import java.util.Map;

/**
 * The failed sign-ins of a period, summed up: how many, on which accounts, from which
 * addresses (the most frequent of each).
 */
record SignInFailuresSummarised(Instant from, Instant to, long failures, Map<String, Long> byAccount,
		Map<String, Long> byAddress) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.LOGIN_FAILURES_SUMMARISED, AuditSubject.SYSTEM, "sign-in failures",
				SecurityActingUser.SYSTEM, Map.of("from", from.toString(), "to", to.toString(), "failures", failures,
						"byAccount", byAccount, "byAddress", byAddress));
	}

}
