package dev.baton.designer.review.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.baton.designer.api.ApiException;
import dev.baton.designer.base.ui.MainLayout;
import dev.baton.designer.base.ui.Notices;
import dev.baton.designer.i18n.Texts;
import dev.baton.designer.review.VisitRequestsApi;
import dev.baton.engine.Problem;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A rep's visit request as a form (customer, rep, visit date, chat channel, deal size, risk,
 * contact channel), besides the chat bots' webhook: it goes through the webhook's own path
 * ({@link VisitRequestsApi}), so the same checks answer by field, the request is recorded
 * durably before the battle-pack workflow starts, and sending the same form twice (a double
 * click) starts one workflow.
 */
@Route(value = "visit-requests/new", layout = MainLayout.class)
@Menu(title = "nav.visitRequest", order = 8)
@RolesAllowed({"OPS", "DEVELOPER", "ADMIN"})
public class VisitRequestView extends VerticalLayout implements HasDynamicTitle {
  private static final long serialVersionUID = 1L;
  private static final List<String> CHANNELS = List.of("DINGTALK", "WECOM", "FEISHU");
  private static final List<String> RISKS = List.of("", "LOW", "MEDIUM", "HIGH");
  private static final List<String> CONTACTS = List.of("", "EMAIL", "SMS", "VOICE", "WECHAT");
  private final transient VisitRequestsApi api;
  private final Texts t = Texts.current();
  private final TextField customer = new TextField();
  private final TextField rep = new TextField();
  private final DatePicker date = new DatePicker();
  private final Select<String> channel = new Select<>();
  private final BigDecimalField dealSize = new BigDecimalField();
  private final Select<String> risk = new Select<>();
  private final Select<String> contact = new Select<>();
  private final Span result = new Span();
  private String requestId = newRequestId();

  public VisitRequestView(VisitRequestsApi api) {
    this.api = api;
    configureFields();
    Button send = new Button(t.t("visit.send"), e -> send());
    send.setId("visit-send");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    result.setId("visit-result");
    FormLayout form = new FormLayout(customer, rep, date, channel, dealSize, risk, contact);
    form.setId("visit-form");
    form.setMaxWidth("48em");
    add(new H2(t.t("visit.title")), new Paragraph(t.t("visit.intro")), form, send, result);
  }

  private void configureFields() {
    customer.setId("visit-customer");
    customer.setLabel(t.t("visit.customer"));
    customer.setHelperText(t.t("visit.customerHelp"));
    customer.setRequiredIndicatorVisible(true);
    rep.setId("visit-rep");
    rep.setLabel(t.t("visit.rep"));
    rep.setRequiredIndicatorVisible(true);
    date.setId("visit-date");
    date.setLabel(t.t("visit.date"));
    date.setLocale(t.locale());
    date.setRequiredIndicatorVisible(true);
    channel.setId("visit-channel");
    channel.setLabel(t.t("visit.channel"));
    channel.setItems(CHANNELS);
    channel.setItemLabelGenerator(c -> t.t("visit.channel." + c));
    channel.setRequiredIndicatorVisible(true);
    dealSize.setId("visit-deal-size");
    dealSize.setLabel(t.t("visit.dealSize"));
    dealSize.setHelperText(t.t("visit.dealSizeHelp"));
    risk.setId("visit-risk");
    risk.setLabel(t.t("visit.risk"));
    risk.setItems(RISKS);
    risk.setItemLabelGenerator(r -> r.isEmpty() ? t.t("visit.fromDeal")
        : t.t("review.severity." + r));
    risk.setValue("");
    contact.setId("visit-contact");
    contact.setLabel(t.t("visit.contact"));
    contact.setItems(CONTACTS);
    contact.setItemLabelGenerator(c -> c.isEmpty() ? t.t("visit.fromDeal")
        : t.t("visit.contact." + c));
    contact.setValue("");
  }

  private static String newRequestId() {
    return "FORM-" + UUID.randomUUID();
  }

  /** The form as the webhook's body (absent fields left out: the engine names them). */
  Map<String, Object> body() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requestId", requestId);
    put(m, "customerId", customer.getValue().strip());
    put(m, "repId", rep.getValue().strip());
    if (date.getValue() != null) {
      m.put("plannedDate", date.getValue().toString());
    } else if (date.isInvalid() || !date.getElement().getProperty("_inputElementValue", "")
        .isBlank()) {
      m.put("plannedDate", "?");
    }
    put(m, "channel", channel.getValue());
    if (dealSize.getValue() != null) {
      m.put("dealSize", dealSize.getValue());
    }
    put(m, "riskLevel", risk.getValue());
    put(m, "contactChannel", contact.getValue());
    return m;
  }

  private static void put(Map<String, Object> m, String key, String value) {
    if (value != null && !value.isEmpty()) {
      m.put(key, value);
    }
  }

  private void send() {
    List<HasValidation> fields = List.of(customer, rep, date, channel, dealSize, risk, contact);
    fields.forEach(f -> f.setInvalid(false));
    result.setText("");
    result.getElement().removeAttribute("data-instance");
    try {
      Map<String, Object> answer = api.create(body()).getBody();
      Object key = answer == null ? null : answer.get("processInstanceKey");
      result.setText(t.t("visit.started", requestId, String.valueOf(key)));
      result.getElement().setAttribute("data-instance", String.valueOf(key));
      result.getElement().setAttribute("data-request", requestId);
      Notices.ok(t.t("visit.started", requestId, String.valueOf(key)));
      requestId = newRequestId(); // the next form is a new request
    } catch (ApiException e) {
      List<String> general = new ArrayList<>();
      for (Problem p : e.problems()) {
        String text = "is missing".equals(p.message()) ? t.t("visit.missing")
            : p.message() + (p.hint() == null ? "" : " (" + p.hint() + ")");
        HasValidation field = field(p.path());
        if (field == null) {
          general.add((p.path() == null || p.path().isBlank() ? "" : p.path() + ": ") + text);
        } else {
          field.setInvalid(true);
          field.setErrorMessage(t.t("visit.fieldProblem", text));
        }
      }
      result.setText(t.t("visit.invalid", e.problems().size(), String.join("; ", general)));
      Notices.error(t.t("visit.invalid", e.problems().size(), String.join("; ", general)));
    } catch (RuntimeException e) {
      Notices.error(t, e);
    }
  }

  private HasValidation field(String path) {
    if (path == null) {
      return null;
    }
    return switch (path) {
      case "customerId" -> customer;
      case "repId" -> rep;
      case "plannedDate" -> date;
      case "channel" -> channel;
      case "dealSize" -> dealSize;
      case "riskLevel" -> risk;
      case "contactChannel" -> contact;
      default -> null;
    };
  }

  @Override
  public String getPageTitle() {
    return t.t("visit.title");
  }
}
