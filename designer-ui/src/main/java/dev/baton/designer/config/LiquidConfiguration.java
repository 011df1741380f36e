package dev.baton.designer.config;

import dev.baton.engine.liquid.LiquidDemoData;
import dev.baton.engine.liquid.LiquidPacks;
import dev.baton.engine.liquid.LiquidRuntime;
import dev.baton.engine.liquid.LiquidServices;
import dev.baton.engine.runtime.Baton;
import io.camunda.client.CamundaClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The liquid organisation: its services on Baton's store (packs: each template's active
 * published version, or the template), the demo story when demo data is on, and the battle-unit
 * workflow deployed with its workers on the same client as the battle pack.
 */
@Configuration(proxyBeanMethods = false)
public class LiquidConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(LiquidConfiguration.class);

  /** The liquid organisation's services. */
  @Bean(destroyMethod = "close")
  public LiquidServices liquidServices(Baton baton, @Value("${baton.db.url:}") String dbUrl,
      @Value("${baton.demo.enabled:}") String demo) {
    LiquidServices liquid = LiquidServices.open(baton, LiquidPacks.active(baton.packs()));
    if (BatonConfiguration.demoMode(dbUrl, demo) && LiquidDemoData.load(liquid)) {
      LOG.info("Loaded the liquid-organisation demo story (2 campaigns with units, 1 open)");
    }
    return liquid;
  }

  /** The battle-unit workflow, deployed, with its workers open. */
  @Bean(destroyMethod = "close")
  public LiquidRuntime liquidRuntime(CamundaClient client, LiquidServices liquid, Baton baton) {
    return LiquidRuntime.start(client, liquid, baton, LiquidRuntime.bundledBpmn());
  }
}
