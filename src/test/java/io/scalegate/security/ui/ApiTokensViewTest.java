package io.scalegate.security.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.scalegate.KaribuTest;
import io.scalegate.security.ApiToken;
import io.scalegate.security.ApiTokens;
import io.scalegate.security.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;

class ApiTokensViewTest extends KaribuTest {

	@Autowired
	ApiTokens tokens;

	@Test
	@SuppressWarnings("unchecked")
	void anAdministratorIssuesATokenSeesItOnceAndRevokesIt() {
		login("admin", "ADMIN");
		UI.getCurrent().navigate("admin/api-tokens");
		String name = "mes-" + UUID.randomUUID().toString().substring(0, 6);

		_click(_get(Button.class, spec -> spec.withId("issue-token")));
		_get(TextField.class, spec -> spec.withId("token-name")).setValue("no spaces please");
		_click(_get(Button.class, spec -> spec.withId("token-issue")));
		assertThat(_get(TextField.class, spec -> spec.withId("token-name")).isInvalid()).isTrue();
		assertThat(_get(Select.class, spec -> spec.withId("token-role")).getErrorMessage()).isEqualTo("is required");

		_get(TextField.class, spec -> spec.withId("token-name")).setValue(name);
		_get(Select.class, spec -> spec.withId("token-role")).setValue(Role.QUALITY);
		_click(_get(Button.class, spec -> spec.withId("token-issue")));
		String secret = _get(TextField.class, spec -> spec.withId("token-secret")).getValue();
		assertThat(secret).startsWith("sgt_");
		assertThat(tokens.introspect(secret).getName()).isEqualTo("api:" + name);

		Grid<ApiToken> grid = _get(Grid.class, spec -> spec.withId("tokens"));
		int row = grid.getListDataView().getItems().map(ApiToken::name).toList().indexOf(name);
		_click((Button) _getCellComponent(grid, row, "revoke"));
		ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

		assertThatThrownBy(() -> tokens.introspect(secret)).isInstanceOf(BadOpaqueTokenException.class)
			.hasMessageContaining("revoked");
	}

	@Test
	void onlyAdministratorsOpenIt() {
		login("quality", "QUALITY");
		assertAccessDenied("admin/api-tokens");
	}

}
