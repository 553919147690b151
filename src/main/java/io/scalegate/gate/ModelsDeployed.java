package io.scalegate.gate;

import java.util.List;

/** Models (BPMN, DMN, forms) were deployed to the engine: a new deployment with these resources. */
public record ModelsDeployed(String deploymentId, String name, List<String> resources, String deployedBy) {
}
