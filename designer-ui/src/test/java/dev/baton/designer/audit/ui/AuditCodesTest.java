package dev.baton.designer.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCodesTest {

  @Test
  void shouldPutEachCodeOnItsOwnLineBreakableAfterItsUnderscoresWhenTheListShowsActions() {
    // when
    Div codes = AuditView.codes(List.of("GENERATE_BATTLE_PACK", "cmi-threshold@1.0.0", "SMS"));
    // then: one line per code, its text unchanged (a copied code is the code)
    List<Element> lines = codes.getElement().getChildren().toList();
    assertThat(lines).extracting(Element::getTextRecursively)
        .containsExactly("GENERATE_BATTLE_PACK", "cmi-threshold@1.0.0", "SMS");
    // and: a break opportunity after each underscore and before the version
    assertThat(shape(lines.get(0))).isEqualTo("GENERATE_|BATTLE_|PACK");
    assertThat(shape(lines.get(1))).isEqualTo("cmi-threshold|@1.0.0");
    assertThat(shape(lines.get(2))).isEqualTo("SMS");
  }

  private static String shape(Element line) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < line.getChildCount(); i++) {
      Element child = line.getChild(i);
      out.append(child.isTextNode() ? child.getText() : "|");
    }
    return out.toString();
  }
}
