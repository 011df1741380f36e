package dev.baton.engine.workflow.internal;

import java.util.Map;

/** A job handed to a worker, with the variables it asked for. */
public record JobActivation(long key, String type, long processInstanceKey, String bpmnProcessId,
    int processDefinitionVersion, long processDefinitionKey, String elementId,
    long elementInstanceKey, Map<String, String> customHeaders, String worker, int retries,
    long deadline, Map<String, Object> variables, String kind, String listenerEventType) {}
