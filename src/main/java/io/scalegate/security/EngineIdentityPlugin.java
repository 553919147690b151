package io.scalegate.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Plugs {@link EngineIdentityProvider} into the engine in place of Camunda's own identity
 * tables.
 */
@Component
class EngineIdentityPlugin extends AbstractProcessEnginePlugin {

	private final UserAccounts accounts;

	EngineIdentityPlugin(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setIdentityProviderSessionFactory(new SessionFactory() {
			@Override
			public Class<?> getSessionType() {
				return ReadOnlyIdentityProvider.class;
			}

			@Override
			public Session openSession() {
				return new EngineIdentityProvider(accounts);
			}
		});
	}

}
