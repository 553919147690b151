package io.scalegate.task.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.scalegate.gate.ProductLifecycle.DESIGN_FREEZE_SIGN_OFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import io.scalegate.KaribuTest;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.security.Role;
import io.scalegate.security.SigningPins;
import io.scalegate.security.SsoAccounts;
import io.scalegate.security.SsoAccounts.SsoIdentity;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The signature dialog of a company (SSO) account asks for the signing PIN, and one
 * without a PIN is sent to set it (docs/adr/0015); local accounts keep "Password".
 */
class SsoSigningViewTest extends KaribuTest {

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	TaskService tasks;

	@Autowired
	SsoAccounts ssoAccounts;

	@Autowired
	SigningPins pins;

	String anSsoEngineer() {
		String user = "sso-" + UUID.randomUUID().toString().substring(0, 8);
		ssoAccounts.signIn(new SsoIdentity("https://idp.example/acme", "subject-" + user, user, "Sam Signer", null,
				Set.of(Role.ENGINEER)));
		return user;
	}

	Task designFreeze() {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		return lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF);
	}

	void openSignatureDialog(Task task) {
		UI.getCurrent().navigate("tasks/" + task.getId());
		_get(Checkbox.class, spec -> spec.withId("field-designFrozen")).setValue(true);
		_click(_get(Button.class, spec -> spec.withId("sign")));
	}

	@Test
	void anSsoUserWithoutAPinIsSentToSetOneAndSignsWithItOnceSet() {
		String user = anSsoEngineer();
		Task task = designFreeze();
		login(user, "ENGINEER");
		openSignatureDialog(task);

		PasswordField pin = _get(PasswordField.class, spec -> spec.withId("signature-password"));
		assertThat(pin.getLabel()).isEqualTo("Signing PIN");
		Paragraph noPin = _get(Paragraph.class, spec -> spec.withId("signature-no-pin"));
		assertThat(_get(noPin, Anchor.class, spec -> spec.withText("Set your signing PIN")).getHref())
			.isEqualTo("account/signing-pin");
		pin.setValue("482915");
		_click(_get(Button.class, spec -> spec.withId("signature-confirm")));
		assertThat(pin.isInvalid()).isTrue();
		assertThat(pin.getErrorMessage()).contains("have not set one yet");
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();

		pins.set(user, null, "482915");
		_click(_get(Button.class, spec -> spec.withId("signature-cancel")));
		openSignatureDialog(task);
		assertThat(_find(Paragraph.class, spec -> spec.withId("signature-no-pin"))).isEmpty();
		PasswordField set = _get(PasswordField.class, spec -> spec.withId("signature-password"));
		set.setValue("999999");
		_click(_get(Button.class, spec -> spec.withId("signature-confirm")));
		assertThat(set.getErrorMessage()).contains("wrong PIN (1 of 5");
		set.setValue("482915");
		_click(_get(Button.class, spec -> spec.withId("signature-confirm")));
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
	}

	@Test
	void aLocalUserStillSignsWithThePassword() {
		Task task = designFreeze();
		login("engineer", "ENGINEER");
		openSignatureDialog(task);
		assertThat(_get(PasswordField.class, spec -> spec.withId("signature-password")).getLabel())
			.isEqualTo("Password");
		assertThat(_find(Paragraph.class, spec -> spec.withId("signature-no-pin"))).isEmpty();
	}

}
