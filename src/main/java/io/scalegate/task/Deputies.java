package io.scalegate.task;

import io.scalegate.base.Checks;
import io.scalegate.base.Conflict;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.InvalidInput.FieldProblem;
import io.scalegate.base.NotFound;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccount;
import io.scalegate.security.UserAccounts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deputies (docs/adr/0016-deputies.md): a person names a deputy for a period, or an
 * administrator names one for them (sick leave); the absent person, whoever named it or
 * an administrator ends it early. While it lasts (by the injected clock, UTC days) the
 * deputy sees and signs the absent person's assigned tasks that the deputy's own roles
 * allow; there are no chains (only tasks assigned to the absent person themselves), and
 * several deputies for the same person at once are allowed (say, one per role): each sees
 * what their roles allow, and the first signature completes a task.
 */
@Service
public class Deputies {

	/** The longest deputyship, in days: a longer absence is named again after it. */
	public static final int MAX_DAYS = 90;

	/**
	 * How far ahead a deputyship may be named: a year (holidays are planned that far).
	 */
	public static final int MAX_DAYS_AHEAD = 366;

	static final int MAX_REASON = 500;

	private final Deputyships deputyships;

	private final UserAccounts accounts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Deputies(Deputyships deputyships, UserAccounts accounts, Clock clock, ApplicationEventPublisher events) {
		this.deputyships = deputyships;
		this.accounts = accounts;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Names a deputy: for oneself, or (ADMIN) for someone else. Every wrong field is
	 * named; nothing is kept unless all are right.
	 */
	@Transactional
	public Deputyship name(UserAccount by, NewDeputyship request) {
		String absentId = blank(request.absent()) ? by.username() : request.absent().strip();
		if (!absentId.equals(by.username()) && !isAdmin(by)) {
			throw new AccessDeniedException(
					"you name a deputy only for yourself; an administrator names one for someone else");
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		List<FieldProblem> problems = new ArrayList<>();
		Optional<UserAccount> absent = accounts.find(absentId);
		if (absent.isEmpty()) {
			problems.add(new FieldProblem("absent", "there is no person with the user id " + absentId));
		}
		Optional<UserAccount> deputy = deputy(request.deputy(), absentId, absent, problems);
		period(request.firstDay(), request.lastDay(), today, problems);
		String reason = request.reason() == null ? "" : request.reason().strip();
		if (reason.isEmpty()) {
			problems.add(new FieldProblem("reason", "say why: holiday, sick leave, business trip…"));
		}
		else if (reason.length() > MAX_REASON) {
			problems.add(new FieldProblem("reason", "at most " + MAX_REASON + " characters"));
		}
		else if (Checks.hasControlCharacter(reason) || Checks.hasHiddenCharacter(reason)) {
			problems.add(new FieldProblem("reason", "control characters and invisible formatting are not allowed"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		String deputyId = deputy.orElseThrow().username();
		noChain(deputyId, request.firstDay(), request.lastDay(), now);
		deputyships.findByAbsentAndLastDayGreaterThanEqual(absentId, today)
			.stream()
			.filter(existing -> existing.deputy().equals(deputyId))
			.filter(existing -> existing.overlaps(request.firstDay(), request.lastDay(), now))
			.findFirst()
			.ifPresent(existing -> {
				throw new Conflict("deputy",
						deputyId + " already stands in for " + absentId + " from " + existing.firstDay() + " to "
								+ existing.lastDay() + "; end that one first or choose other days");
			});
		Deputyship named = deputyships.save(new Deputyship(null, absentId, deputyId, request.firstDay(),
				request.lastDay(), reason, by.username(), now, null, null));
		events.publishEvent(new DeputyNamed(named));
		return named;
	}

	/**
	 * Ends a deputyship now: by the absent person, whoever named it or an administrator.
	 * One that is already over is a conflict; a planned one ended now never starts.
	 */
	@Transactional
	public Deputyship end(UserAccount by, long id) {
		Deputyship deputyship = deputyships.findById(id)
			.orElseThrow(() -> new NotFound("deputyship", "deputyship", "there is no deputyship " + id));
		if (!by.username().equals(deputyship.absent()) && !by.username().equals(deputyship.namedBy()) && !isAdmin(by)) {
			throw new AccessDeniedException("only " + deputyship.absent()
					+ ", whoever named the deputy or an administrator ends this deputyship");
		}
		Instant now = clock.instant();
		if (deputyship.overAt(now)) {
			throw new Conflict("deputyship", "this deputyship is already over (" + deputyship.state(now) + ")");
		}
		if (deputyships.end(id, by.username(), now) != 1) {
			throw new Conflict("deputyship", "someone else ended this deputyship meanwhile");
		}
		events.publishEvent(new DeputyEnded(deputyship, by.username(), now));
		return deputyships.findById(id).orElseThrow();
	}

	/**
	 * The deputyships a person sees: their own (absent, deputy, or named by them); an
	 * administrator sees everyone's, or one absent person's.
	 */
	public List<Deputyship> visibleTo(UserAccount viewer, String absent) {
		if (isAdmin(viewer)) {
			return blank(absent) ? deputyships.findTop500ByOrderByFirstDayDescIdDesc()
					: deputyships.findByAbsentOrderByFirstDayDescIdDesc(absent.strip());
		}
		List<Deputyship> own = deputyships.findByAbsentOrDeputyOrNamedByOrderByFirstDayDescIdDesc(viewer.username(),
				viewer.username(), viewer.username());
		return blank(absent) ? own : own.stream().filter(d -> d.absent().equals(absent.strip())).toList();
	}

	/** One deputyship, if the viewer may see it. */
	public Deputyship get(UserAccount viewer, long id) {
		return deputyships.findById(id)
			.filter(d -> isAdmin(viewer) || viewer.username().equals(d.absent()) || viewer.username().equals(d.deputy())
					|| viewer.username().equals(d.namedBy()))
			.orElseThrow(() -> new NotFound("deputyship", "deputyship", "there is no deputyship " + id));
	}

	/** The people the deputy stands in for now, by user id, with their printed names. */
	public Map<String, String> absentNow(String deputy) {
		Instant now = clock.instant();
		return deputyships.findByDeputyAndLastDayGreaterThanEqual(deputy, LocalDate.ofInstant(now, ZoneOffset.UTC))
			.stream()
			.filter(d -> d.lastsAt(now))
			.map(Deputyship::absent)
			.distinct()
			.collect(Collectors.toMap(absent -> absent,
					absent -> accounts.find(absent).map(UserAccount::fullName).orElse(absent)));
	}

	/** Whether {@code deputy} stands in for {@code absent} now. */
	public boolean standsInFor(String deputy, String absent) {
		return absent != null && absentNow(deputy).containsKey(absent);
	}

	/**
	 * The enabled people who could stand in for {@code absent}: another, sharing a role.
	 */
	public List<UserAccount> candidates(String absent) {
		Set<Role> roles = accounts.find(absent).map(UserAccount::roles).orElse(Set.of());
		return accounts.all()
			.stream()
			.filter(UserAccount::enabled)
			.filter(account -> !account.username().equals(absent))
			.filter(account -> account.roles().stream().anyMatch(roles::contains))
			.toList();
	}

	public static boolean isAdmin(UserAccount user) {
		return user.roles().contains(Role.ADMIN);
	}

	private Optional<UserAccount> deputy(String requested, String absentId, Optional<UserAccount> absent,
			List<FieldProblem> problems) {
		if (blank(requested)) {
			problems.add(new FieldProblem("deputy", "choose who stands in"));
			return Optional.empty();
		}
		String deputyId = requested.strip();
		Optional<UserAccount> deputy = accounts.find(deputyId);
		if (deputy.isEmpty()) {
			problems.add(new FieldProblem("deputy", "there is no person with the user id " + deputyId));
		}
		else if (deputyId.equals(absentId)) {
			problems.add(new FieldProblem("deputy", "a deputy is someone else than the absent person"));
		}
		else if (!deputy.get().enabled()) {
			problems.add(new FieldProblem("deputy", deputyId + "'s account is disabled: choose someone who can sign"));
		}
		else if (absent.isPresent() && deputy.get().roles().stream().noneMatch(absent.get().roles()::contains)) {
			problems.add(new FieldProblem("deputy", deputyId + " holds none of " + absentId + "'s roles ("
					+ absent.get().roles().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")) + ")"));
		}
		else {
			return deputy;
		}
		return Optional.empty();
	}

	private static void period(LocalDate first, LocalDate last, LocalDate today, List<FieldProblem> problems) {
		if (first == null) {
			problems.add(new FieldProblem("firstDay", "choose the first day"));
		}
		if (last == null) {
			problems.add(new FieldProblem("lastDay", "choose the last day"));
		}
		if (first == null || last == null) {
			return;
		}
		if (first.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
			problems.add(new FieldProblem("firstDay", "a deputyship starts at most " + MAX_DAYS_AHEAD
					+ " days ahead (today is " + today + ", UTC): name it closer to the absence"));
		}
		else if (last.isBefore(first)) {
			problems.add(
					new FieldProblem("lastDay", "the last day (" + last + ") is before the first day (" + first + ")"));
		}
		else if (last.isBefore(today)) {
			problems.add(new FieldProblem("lastDay", "the period lies wholly in the past (today is " + today
					+ ", UTC): a deputy acts only from now on"));
		}
		else if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
			problems.add(new FieldProblem("lastDay", "a deputyship lasts at most " + MAX_DAYS + " days ("
					+ (ChronoUnit.DAYS.between(first, last) + 1) + " chosen): name another one after it"));
		}
	}

	/** The deputy must be here: not away themselves on any of the days (no chains). */
	private void noChain(String deputyId, LocalDate first, LocalDate last, Instant now) {
		deputyships.findByAbsentAndLastDayGreaterThanEqual(deputyId, LocalDate.ofInstant(now, ZoneOffset.UTC))
			.stream()
			.filter(away -> away.overlaps(first, last, now))
			.findFirst()
			.ifPresent(away -> {
				throw new InvalidInput("deputy", deputyId + " is away themselves from " + away.firstDay() + " to "
						+ away.lastDay() + " (" + away.deputy() + " stands in for them): choose someone who is here");
			});
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
