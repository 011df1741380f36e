package dev.baton.designer.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.baton.designer.i18n.Texts;

/** Sign-in, in the browser's language (English or Chinese). */
@Route("login")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
  private static final long serialVersionUID = 1L;
  private final LoginForm form = new LoginForm();

  public LoginView() {
    Texts t = Texts.current();
    setSizeFull();
    setAlignItems(Alignment.CENTER);
    setJustifyContentMode(JustifyContentMode.CENTER);
    form.setAction("login");
    form.setForgotPasswordButtonVisible(false);
    form.setI18n(i18n(t));
    add(new H1(t.t("app.name")), new Paragraph(t.t("login.intro")), form);
  }

  static LoginI18n i18n(Texts t) {
    LoginI18n i = LoginI18n.createDefault();
    LoginI18n.Form f = i.getForm();
    f.setTitle(t.t("login.title"));
    f.setUsername(t.t("login.username"));
    f.setPassword(t.t("login.password"));
    f.setSubmit(t.t("login.submit"));
    LoginI18n.ErrorMessage e = i.getErrorMessage();
    e.setTitle(t.t("login.error.title"));
    e.setMessage(t.t("login.error.message"));
    e.setUsername(t.t("login.error.username"));
    e.setPassword(t.t("login.error.password"));
    return i;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
  }

  @Override
  public String getPageTitle() {
    return Texts.current().t("login.title");
  }
}
