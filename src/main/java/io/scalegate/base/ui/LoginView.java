package io.scalegate.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The one login for ScaleGate, its API users and (for administrators) Camunda's webapps.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in | ScaleGate")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

	private final LoginForm login = new LoginForm();

	public LoginView() {
		setSizeFull();
		setAlignItems(Alignment.CENTER);
		setJustifyContentModeCenter();
		login.setAction("login");
		login.setForgotPasswordButtonVisible(false);
		login.setId("login");
		add(new H1("ScaleGate"), new Paragraph("Stage-gate approvals from prototype to mass production"), login);
	}

	private void setJustifyContentModeCenter() {
		setJustifyContentMode(JustifyContentMode.CENTER);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
	}

}
