package dev.baton.engine.battlepack;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code review-decided} message a verdict publishes, which the waiting workflow receives.
 *
 * @param name always {@value #NAME}
 * @param correlationKey {@code packId + ":" + role}
 * @param messageId a unique id per review item, so that publishing it again (after a crash)
 *     is de-duplicated by the workflow engine
 * @param variables {@code approved} (boolean), {@code comment}, {@code reviewer}, {@code role}
 */
public record ReviewMessage(
    String name, String correlationKey, String messageId, Map<String, Object> variables) {

  /** The message name the BPMN's intermediate catch events wait for. */
  public static final String NAME = "review-decided";

  public ReviewMessage {
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  /**
   * Publishes the message through the official client and waits for the acknowledgement. The
   * message is buffered for {@code timeToLive}, so a verdict that arrives before the workflow
   * waits is not lost. Publishing it again is harmless: the engine refuses the same message id
   * while the first is buffered ({@code ALREADY_EXISTS}), which this reports as {@code false}.
   *
   * @return true when published now, false when the engine had it already
   * @throws RuntimeException (the client's) when the engine cannot be reached or refuses it
   *     for another reason
   */
  public boolean publish(CamundaClient client, Duration timeToLive) {
    try {
      client.newPublishMessageCommand()
          .messageName(name)
          .correlationKey(correlationKey)
          .messageId(messageId)
          .timeToLive(timeToLive)
          .variables(variables)
          .send()
          .join();
      return true;
    } catch (RuntimeException e) {
      if (String.valueOf(e.getMessage()).contains("ALREADY_EXISTS")) {
        return false;
      }
      throw e;
    }
  }
}
