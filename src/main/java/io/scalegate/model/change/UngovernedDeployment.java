package io.scalegate.model.change;

import io.scalegate.model.ModelFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Model files someone tried to deploy without approval; {@link ModelChanges} keeps them
 * as drafts.
 */
public record UngovernedDeployment(List<ModelFile> files, String by, List<ModelChange> drafts) {

	public UngovernedDeployment(List<ModelFile> files, String by) {
		this(files, by, new ArrayList<>());
	}

}
