package dev.baton.engine.workflow;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * How to start the {@link EmbeddedWorkflowEngine}.
 *
 * @param dataSource where the workflow state lives; the schema is created or upgraded on start
 * @param host the address the gateway binds to (loopback by default)
 * @param port the gateway port; 0 picks a free one ({@link #DEFAULT_PORT} by default, Zeebe's)
 * @param clock the engine's clock for timers, job deadlines and message time-to-live
 * @param maxMessageSize the largest gRPC request accepted, in bytes; larger ones are refused with
 *     {@code RESOURCE_EXHAUSTED}
 * @param defaultLongPollTimeout how long an {@code ActivateJobs} request without its own request
 *     timeout waits for a job
 * @param authentication who may call the gateway; {@link GatewayAuthentication#none()} (the
 *     default) is allowed only on a loopback address
 * @param ruleDecisions evaluates business rule tasks that name Baton rule packs, or null (then
 *     such processes are refused at deployment)
 */
public record WorkflowEngineOptions(DataSource dataSource, String host, int port, Clock clock,
    int maxMessageSize, Duration defaultLongPollTimeout, GatewayAuthentication authentication,
    RuleDecisions ruleDecisions) {

  /** Zeebe's gateway port. */
  public static final int DEFAULT_PORT = 26500;

  /** The largest request accepted by default: 4 MiB, as Zeebe's default. */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 4 * 1024 * 1024;

  /** Checks the options. */
  public WorkflowEngineOptions {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(defaultLongPollTimeout, "defaultLongPollTimeout");
    Objects.requireNonNull(authentication, "authentication");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (maxMessageSize < 1024) {
      throw new IllegalArgumentException("maxMessageSize must be at least 1024 bytes");
    }
  }

  /**
   * Loopback, port 26500, the system clock, 4 MiB requests, 10 s long polls, no authentication
   * (like a local Camunda 8 Run; only allowed on loopback).
   */
  public static WorkflowEngineOptions defaults(DataSource dataSource) {
    return new WorkflowEngineOptions(dataSource, "127.0.0.1", DEFAULT_PORT, Clock.systemUTC(),
        DEFAULT_MAX_MESSAGE_SIZE, Duration.ofSeconds(10), GatewayAuthentication.none(), null);
  }

  /** The same options on another port (0 picks a free one). */
  public WorkflowEngineOptions withPort(int newPort) {
    return new WorkflowEngineOptions(dataSource, host, newPort, clock, maxMessageSize,
        defaultLongPollTimeout, authentication, ruleDecisions);
  }

  /** The same options bound to another host address. */
  public WorkflowEngineOptions withHost(String newHost) {
    return new WorkflowEngineOptions(dataSource, newHost, port, clock, maxMessageSize,
        defaultLongPollTimeout, authentication, ruleDecisions);
  }

  /** The same options with another clock. */
  public WorkflowEngineOptions withClock(Clock newClock) {
    return new WorkflowEngineOptions(dataSource, host, port, newClock, maxMessageSize,
        defaultLongPollTimeout, authentication, ruleDecisions);
  }

  /** The same options with another request size limit. */
  public WorkflowEngineOptions withMaxMessageSize(int bytes) {
    return new WorkflowEngineOptions(dataSource, host, port, clock, bytes,
        defaultLongPollTimeout, authentication, ruleDecisions);
  }

  /** The same options with another authentication of gateway calls. */
  public WorkflowEngineOptions withAuthentication(GatewayAuthentication newAuthentication) {
    return new WorkflowEngineOptions(dataSource, host, port, clock, maxMessageSize,
        defaultLongPollTimeout, newAuthentication, ruleDecisions);
  }

  /**
   * The same options with business rule tasks that name Baton rule packs ({@code
   * decisionId="baton:..."}) evaluated by this (null: refused at deployment).
   */
  public WorkflowEngineOptions withRuleDecisions(RuleDecisions newRuleDecisions) {
    return new WorkflowEngineOptions(dataSource, host, port, clock, maxMessageSize,
        defaultLongPollTimeout, authentication, newRuleDecisions);
  }
}
