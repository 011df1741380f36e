package dev.baton.designer.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.designer.base.ui.Landing;
import dev.baton.designer.security.Role;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class LandingTest {

  @Test
  void shouldLandEachRoleOnItsOwnWork() {
    assertThat(Landing.routeFor(EnumSet.of(Role.REVIEWER))).isEqualTo("reviews");
    assertThat(Landing.routeFor(EnumSet.of(Role.AUDITOR))).isEqualTo("audit");
    assertThat(Landing.routeFor(EnumSet.of(Role.DEVELOPER))).isEqualTo("workflows");
    assertThat(Landing.routeFor(EnumSet.of(Role.ANALYST))).isEqualTo("packs");
    assertThat(Landing.routeFor(EnumSet.of(Role.OPS, Role.REVIEWER))).isEqualTo("packs");
    assertThat(Landing.routeFor(EnumSet.allOf(Role.class))).isEqualTo("packs");
    assertThat(Landing.routeFor(EnumSet.noneOf(Role.class))).isEqualTo("packs");
  }
}
