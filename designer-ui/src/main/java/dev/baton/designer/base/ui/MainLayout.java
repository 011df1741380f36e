package dev.baton.designer.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.baton.designer.i18n.Messages;
import dev.baton.designer.i18n.Texts;
import dev.baton.designer.security.CurrentUser;
import dev.baton.designer.security.Role;
import dev.baton.designer.security.UserAccounts;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The chrome around every view: title, navigation, the signed-in user with roles, the language
 * switch (stored per user) and sign-out. The navigation is read from the route registry (the
 * views' {@code @Menu}: a message key as title, and the order), so the layout imports no view.
 */
@PermitAll
@StyleSheet("context://styles/designer.css")
public class MainLayout extends AppLayout implements BeforeEnterObserver {
  private static final long serialVersionUID = 1L;
  private final transient UserAccounts accounts;
  private final transient AuthenticationContext auth;
  private boolean built;

  public MainLayout(UserAccounts accounts, AuthenticationContext auth) {
    this.accounts = accounts;
    this.auth = auth;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (event.getLocation().getPath().isEmpty()) { // the root: each role lands on its own work
      String landing = Landing.routeFor(grantedRoles());
      if (!landing.equals("packs")) {
        event.forwardTo(landing);
        return;
      }
    }
    if (built) {
      return;
    }
    built = true;
    applyUserLocale();
    buildChrome(Texts.current());
  }

  private java.util.Set<Role> grantedRoles() {
    java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
    for (Role r : Role.values()) {
      if (auth.getGrantedRoles().contains(r.name())) {
        roles.add(r);
      }
    }
    return roles;
  }

  private void applyUserLocale() {
    accounts.locale(CurrentUser.name()).map(Messages::supported).ifPresent(l -> {
      VaadinSession.getCurrent().setLocale(l);
      UI.getCurrent().setLocale(l);
    });
  }

  private void switchLanguage(Locale locale) {
    accounts.setLocale(CurrentUser.name(), locale);
    VaadinSession.getCurrent().setLocale(locale);
    UI.getCurrent().getPage().reload();
  }

  /** Signs out; with unsaved edits in the view, asks first: keep editing, or discard. */
  private void signOut(Texts t) {
    if (getContent() instanceof UnsavedWork w && w.hasUnsavedChanges()) {
      ConfirmDialog ask = new ConfirmDialog();
      ask.setId("logout-dialog");
      ask.setHeader(t.t("layout.logout.unsaved.title"));
      ask.setText(t.t("layout.logout.unsaved.text"));
      ask.setConfirmText(t.t("layout.logout.unsaved.discard"));
      ask.setConfirmButtonTheme("error primary");
      ask.addConfirmListener(c -> {
        w.discardWorkingCopy();
        auth.logout();
      });
      ask.setCancelable(true);
      ask.setCancelText(t.t("layout.logout.unsaved.keep"));
      ask.open();
      return;
    }
    auth.logout();
  }

  private void buildChrome(Texts t) {
    Span title = new Span(t.t("app.name"));
    title.addClassName("baton-title");
    Span user = new Span(t.t("layout.user", CurrentUser.name(),
        auth.getGrantedRoles().stream().sorted().map(r -> t.t("role." + r))
            .collect(Collectors.joining(", "))));
    user.setId("current-user");
    Select<Locale> language = new Select<>();
    language.setId("language");
    language.setItems(Messages.LOCALES);
    language.setItemLabelGenerator(l -> Messages.get(l, "language.name"));
    language.setValue(Messages.supported(UI.getCurrent().getLocale()));
    language.setAriaLabel(t.t("layout.language"));
    language.addValueChangeListener(e -> {
      if (e.isFromClient() && e.getValue() != null) {
        if (getContent() instanceof UnsavedWork w && w.hasUnsavedChanges()) {
          // never drop edits silently: keep them over the reload, discard them, or stay
          ConfirmDialog ask = new ConfirmDialog();
          ask.setId("unsaved-dialog");
          ask.setHeader(t.t("layout.unsaved.title"));
          ask.setText(t.t("layout.unsaved.text"));
          ask.setConfirmText(t.t("layout.unsaved.keep"));
          ask.addConfirmListener(c -> {
            w.keepWorkingCopy();
            switchLanguage(e.getValue());
          });
          ask.setRejectable(true);
          ask.setRejectText(t.t("layout.unsaved.discard"));
          ask.addRejectListener(r -> {
            w.discardWorkingCopy();
            switchLanguage(e.getValue());
          });
          ask.setCancelable(true);
          ask.setCancelText(t.t("layout.unsaved.stay"));
          ask.addCancelListener(c -> language.setValue(e.getOldValue()));
          ask.open();
          return;
        }
        switchLanguage(e.getValue());
      }
    });
    Button logout = new Button(t.t("layout.logout"), e -> signOut(t));
    logout.setId("logout");
    logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, user, language,
        logout);
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    header.expand(user);
    header.setWidthFull();
    header.addClassName("baton-header");
    addToNavbar(header);
    SideNav nav = new SideNav();
    for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
      if (shownToCurrentUser(entry.menuClass())) {
        nav.addItem(new SideNavItem(t.t(entry.title()), entry.path()));
      }
    }
    addToDrawer(nav);
  }

  /**
   * Whether the menu shows a view to the signed-in user: when the user may open it, by the roles
   * of its {@code @RolesAllowed} (an administrator has every role), else (with
   * {@code @PermitAll}) to everyone signed in. The same rule as navigation's, checked here too
   * so that the menu never offers a view that would be refused.
   */
  private static boolean shownToCurrentUser(Class<?> view) {
    RolesAllowed allowed = view.getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      return view.isAnnotationPresent(PermitAll.class);
    }
    return CurrentUser.hasAnyRole(java.util.Arrays.stream(allowed.value()).map(Role::valueOf)
        .toArray(Role[]::new));
  }
}
