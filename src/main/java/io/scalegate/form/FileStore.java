package io.scalegate.form;

/**
 * Where a form's file pickers put their files (docs/adr/0018): a picked file is checked
 * at once, and stored only when the task is signed, in the signing transaction, under the
 * id the task's variable already holds. The task UI implements it with the product's
 * documents; the form knows no more than this.
 */
public interface FileStore {

	/**
	 * Throws {@link io.scalegate.base.InvalidInput} for a file that would be refused
	 * (empty, too large, a type not allowed by its content).
	 */
	void check(String fileName, byte[] content);

	/** Keeps {@code file} under {@link PickedFile#id()}. */
	void store(PickedFile file);

	/** For a form shown outside a task (a preview): nothing can be attached. */
	FileStore NONE = new FileStore() {
		@Override
		public void check(String fileName, byte[] content) {
			throw new io.scalegate.base.InvalidInput("file", "files are attached on a task only");
		}

		@Override
		public void store(PickedFile file) {
			throw new io.scalegate.base.InvalidInput("file", "files are attached on a task only");
		}
	};

	/**
	 * A file picked in a form.
	 *
	 * @param key the picker's key (the variable holding the id)
	 * @param documentKind the kind the picker's custom property {@code documentKind}
	 * names, {@code OTHER} if none
	 * @param id the id it will be stored under
	 */
	record PickedFile(String key, String documentKind, String id, String fileName, byte[] content) {
	}

}
