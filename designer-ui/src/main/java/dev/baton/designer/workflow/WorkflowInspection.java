package dev.baton.designer.workflow;

import dev.baton.engine.workflow.WorkflowInspector;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's read-only operator API over the application's database. */
@Configuration(proxyBeanMethods = false)
public class WorkflowInspection {

  /** Reads deployed processes, instances and incidents from the workflow engine's tables. */
  @Bean
  public WorkflowInspector workflowInspector(DataSource dataSource) {
    return WorkflowInspector.on(dataSource);
  }
}
