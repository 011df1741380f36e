package dev.baton.designer.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteConfiguration;
import dev.baton.designer.i18n.Texts;
import dev.baton.designer.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A view the signed-in user may not open: inside the app's chrome (navigation stays), it names
 * the page and the roles that open it, and links to the user's own start page.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends VerticalLayout
    implements HasErrorParameter<AccessDeniedException> {
  private static final long serialVersionUID = 1L;

  @Override
  public int setErrorParameter(BeforeEnterEvent event,
      ErrorParameter<AccessDeniedException> parameter) {
    Texts t = Texts.current();
    String path = event.getLocation().getPath();
    List<String> roles = rolesFor(path);
    removeAll();
    setId("access-denied");
    getElement().setAttribute("data-path", path);
    getElement().setAttribute("data-roles", String.join(",", roles));
    add(new H2(t.t("denied.title")));
    String names = roles.stream().map(r -> t.t("role." + r)).collect(Collectors.joining(
        t.t("denied.or")));
    Paragraph why = new Paragraph(roles.isEmpty() ? t.t("denied.text", "/" + path)
        : t.t("denied.needs", "/" + path, names));
    why.setId("access-denied-why");
    Paragraph who = new Paragraph(t.t("denied.you", CurrentUser.name()));
    Anchor home = new Anchor("", t.t("denied.home"));
    home.setId("access-denied-home");
    add(why, who, home);
    return HttpServletResponse.SC_FORBIDDEN;
  }

  /** The roles the view at a path allows (from its {@code @RolesAllowed}), if any. */
  static List<String> rolesFor(String path) {
    return RouteConfiguration.forApplicationScope().getRoute(path)
        .map(c -> c.getAnnotation(RolesAllowed.class))
        .map(r -> r.value().length > 1
            ? Arrays.stream(r.value()).filter(v -> !v.equals("ADMIN")).toList()
            : Arrays.asList(r.value()))
        .orElse(List.of());
  }
}
