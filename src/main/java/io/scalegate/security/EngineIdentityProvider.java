package io.scalegate.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda sees ScaleGate's users as its users and ScaleGate's roles as its groups,
 * read-only: one user store, Camunda's history and webapps show the real people, and
 * there is no first-admin setup to abuse.
 */
class EngineIdentityProvider implements ReadOnlyIdentityProvider {

	private final UserAccounts accounts;

	EngineIdentityProvider(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public User findUserById(String userId) {
		return accounts.find(userId)
			.map(account -> user(account, accounts.email(account.username()).orElse(null)))
			.orElse(null);
	}

	@Override
	public UserQuery createUserQuery() {
		return new Users(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
	}

	@Override
	public UserQuery createUserQuery(CommandContext commandContext) {
		return new Users();
	}

	@Override
	public NativeUserQuery createNativeUserQuery() {
		throw new BadUserRequestException("native user queries are not supported: users live in ScaleGate");
	}

	@Override
	public boolean checkPassword(String userId, String password) {
		return false; // people log in through ScaleGate (Spring Security), never through
						// Camunda
	}

	@Override
	public Group findGroupById(String groupId) {
		return Arrays.stream(Role.values())
			.filter(r -> r.name().equals(groupId))
			.findFirst()
			.map(EngineIdentityProvider::group)
			.orElse(null);
	}

	@Override
	public GroupQuery createGroupQuery() {
		return new Groups(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
	}

	@Override
	public GroupQuery createGroupQuery(CommandContext commandContext) {
		return new Groups();
	}

	@Override
	public Tenant findTenantById(String tenantId) {
		return null;
	}

	@Override
	public TenantQuery createTenantQuery() {
		return new NoTenants(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
	}

	@Override
	public TenantQuery createTenantQuery(CommandContext commandContext) {
		return new NoTenants();
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
	}

	private static User user(UserAccount account, String email) {
		UserEntity user = new UserEntity(account.username());
		user.setEmail(email);
		String[] names = account.fullName().split(" ", 2);
		user.setFirstName(names[0]);
		user.setLastName(names.length > 1 ? names[1] : "");
		return user;
	}

	private static Group group(Role role) {
		GroupEntity group = new GroupEntity(role.name());
		group.setName(role.name());
		group.setType("WORKFLOW");
		return group;
	}

	private static Predicate<String> like(String pattern) {
		StringBuilder regex = new StringBuilder();
		for (char c : pattern.toCharArray()) {
			regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
		}
		Pattern compiled = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
		return value -> value != null && compiled.matcher(value).matches();
	}

	private static <T> List<T> page(Stream<T> items, Page page) {
		return page == null ? items.toList() : items.skip(page.getFirstResult()).limit(page.getMaxResults()).toList();
	}

	private class Users extends UserQueryImpl {

		Users() {
		}

		Users(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
			super(executor);
		}

		private Stream<User> matching() {
			Map<String, String> emails = accounts.emails();
			return accounts.all()
				.stream()
				.filter(a -> id == null || a.username().equals(id))
				.filter(a -> ids == null || Arrays.asList(ids).contains(a.username()))
				.filter(a -> groupId == null || a.roles().stream().anyMatch(r -> r.name().equals(groupId)))
				.filter(a -> tenantId == null)
				.map(a -> user(a, emails.get(a.username())))
				.filter(u -> firstName == null || firstName.equals(u.getFirstName()))
				.filter(u -> lastName == null || lastName.equals(u.getLastName()))
				.filter(u -> firstNameLike == null || like(firstNameLike).test(u.getFirstName()))
				.filter(u -> lastNameLike == null || like(lastNameLike).test(u.getLastName()))
				.filter(u -> email == null || email.equalsIgnoreCase(String.valueOf(u.getEmail())))
				.filter(u -> emailLike == null || like(emailLike).test(u.getEmail()));
		}

		@Override
		public long executeCount(CommandContext commandContext) {
			return matching().count();
		}

		@Override
		public List<User> executeList(CommandContext commandContext, Page page) {
			return page(matching(), page);
		}

	}

	private class Groups extends GroupQueryImpl {

		Groups() {
		}

		Groups(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
			super(executor);
		}

		private Stream<Group> matching() {
			List<Role> memberOf = getUserId() == null ? null
					: accounts.find(getUserId()).map(a -> List.copyOf(a.roles())).orElse(List.of());
			return Arrays.stream(Role.values())
				.filter(r -> memberOf == null || memberOf.contains(r))
				.filter(r -> getId() == null || r.name().equals(getId()))
				.filter(r -> getIds() == null || Arrays.asList(getIds()).contains(r.name()))
				.filter(r -> getName() == null || r.name().equals(getName()))
				.filter(r -> getNameLike() == null || like(getNameLike()).test(r.name()))
				.filter(r -> getType() == null || "WORKFLOW".equals(getType().toUpperCase(Locale.ROOT)))
				.filter(r -> getTenantId() == null)
				.map(EngineIdentityProvider::group);
		}

		@Override
		public long executeCount(CommandContext commandContext) {
			return matching().count();
		}

		@Override
		public List<Group> executeList(CommandContext commandContext, Page page) {
			return page(matching(), page);
		}

	}

	private static class NoTenants extends TenantQueryImpl {

		NoTenants() {
		}

		NoTenants(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
			super(executor);
		}

		@Override
		public long executeCount(CommandContext commandContext) {
			return 0;
		}

		@Override
		public List<Tenant> executeList(CommandContext commandContext, Page page) {
			return List.of();
		}

	}

}
