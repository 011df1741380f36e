package dev.baton.designer.config;

import org.springframework.context.annotation.Configuration;

/**
 * Where the workflow engine joins the designer. The embedded Zeebe-protocol gateway and the
 * Camunda client (started on loopback on embedded defaults, or pointed at a cluster with
 * {@code camunda.client.*}) are declared here as beans when the workflow module is merged; the
 * designer's views take them by injection. Until then the designer has no workflow beans and
 * no workflow views.
 */
@Configuration(proxyBeanMethods = false)
public class WorkflowConfiguration {}
