package dev.baton.samples.starter;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The job worker of the {@code reserve-stock} service task. The starter opens it when the
 * application starts, polls for jobs (over REST with the defaults) and completes each job with
 * the map returned; a throw fails the job (its retries, then an incident).
 */
@Component
public class StockWorker {
  private static final Logger LOG = LoggerFactory.getLogger(StockWorker.class);

  /** Reserves the ordered quantity in the warehouse named by the task's header. */
  @JobWorker(type = "reserve-stock")
  public Map<String, Object> reserveStock(@Variable("orderId") String orderId,
      @Variable("quantity") int quantity, ActivatedJob job) {
    if (quantity < 1) {
      throw new IllegalArgumentException("Order " + orderId + " has no items to reserve.");
    }
    String warehouse = job.getCustomHeaders().get("warehouse");
    String reservation = warehouse + "-" + orderId + "-" + quantity;
    LOG.info("Reserved {} item(s) of order {} in warehouse {} (job {}, process instance {})",
        quantity, orderId, warehouse, job.getKey(), job.getProcessInstanceKey());
    return Map.of("reservation", reservation, "reservedBy", "stock-worker");
  }
}
