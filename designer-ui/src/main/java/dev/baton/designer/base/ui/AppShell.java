package dev.baton.designer.base.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;

/** The page shell: one place for page-wide settings. */
@Meta(name = "application-name", content = "Baton designer")
public class AppShell implements AppShellConfigurator {
  private static final long serialVersionUID = 1L;
}
