package io.scalegate.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.security.core.GrantedAuthority;

/**
 * The shell around every view: the side navigation is built from the views' {@code @Menu}
 * entries, which Vaadin filters by the user's roles, so each role sees what it may open
 * and no more. On a phone or tablet the drawer folds away behind the toggle (AppLayout's
 * overlay mode) and {@code styles/responsive.css} lets the pages stack what sits side by
 * side on a desktop.
 */
@Layout
@AnonymousAllowed
@StyleSheet("context://styles/responsive.css")
public class MainLayout extends AppLayout {

	public MainLayout(AuthenticationContext authentication, java.util.List<NavigationBadge> badges,
			java.util.List<NavbarItem> navbarItems) {
		setPrimarySection(Section.DRAWER);
		Span title = new Span("ScaleGate");
		title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
		addToDrawer(new HorizontalLayout(title) {
			{
				setPadding(true);
			}
		}, navigation(authentication, authentication.isAuthenticated() ? badges : java.util.List.of()));
		addToNavbar(new DrawerToggle(),
				userBar(authentication, authentication.isAuthenticated() ? navbarItems : java.util.List.of()));
	}

	private static SideNav navigation(AuthenticationContext authentication, java.util.List<NavigationBadge> badges) {
		SideNav nav = new SideNav();
		nav.setId("navigation");
		for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
			SideNavItem item = new SideNavItem(entry.title(), entry.path());
			if (entry.icon() != null) {
				item.setPrefixComponent(new Icon(entry.icon()));
			}
			String path = entry.path().replaceAll("^/+", "");
			badges.stream()
				.filter(badge -> badge.path().equals(path))
				.findFirst()
				.ifPresent(badge -> badge.count().ifPresent(count -> {
					Span number = new Span(String.valueOf(count));
					number.getElement().getThemeList().add("badge pill small contrast");
					number.setId("badge-" + path);
					item.setSuffixComponent(number);
				}));
			nav.addItem(item);
		}
		if (authentication.hasRole("ADMIN")) {
			SideNavItem cockpit = new SideNavItem("Camunda Cockpit", "/camunda/app/cockpit/default/",
					VaadinIcon.COGS.create());
			cockpit.setOpenInNewBrowserTab(true);
			cockpit.setRouterIgnore(true);
			nav.addItem(cockpit);
		}
		return nav;
	}

	private static HorizontalLayout userBar(AuthenticationContext authentication,
			java.util.List<NavbarItem> navbarItems) {
		HorizontalLayout bar = new HorizontalLayout();
		bar.setWidthFull();
		bar.setJustifyContentMode(FlexComponent.JustifyContentMode.END);
		bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		bar.getStyle().set("padding-right", "var(--lumo-space-m)");
		navbarItems.forEach(item -> item.create().ifPresent(bar::add));
		// the principal's name and ScaleGate roles, whether signed in with a password
		// (UserDetails) or with the company login (an OpenID Connect user, docs/adr/0015)
		authentication.getPrincipalName().ifPresent(username -> {
			Span who = new Span(username + " · "
					+ String.join(", ",
							authentication.getGrantedAuthorities()
								.stream()
								.map(GrantedAuthority::getAuthority)
								.filter(a -> a.startsWith("ROLE_"))
								.map(a -> a.replace("ROLE_", ""))
								.sorted()
								.toList()));
			who.setId("current-user");
			Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
			logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
			logout.setId("logout");
			bar.add(who, logout);
		});
		return bar;
	}

}
