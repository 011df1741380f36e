package dev.baton.designer.base.ui;

import dev.baton.designer.security.Role;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles whose menu shows a view (a {@code @Menu} route), where that is fewer than the roles
 * that may open it: an administrator may open the review inbox, but its menu entry is for
 * reviewers. Without it, the menu shows a view to the roles of its {@code @RolesAllowed}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MenuRoles {
  /** Who sees the view's menu entry. */
  Role[] value();
}
