package io.scalegate.model.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import java.util.concurrent.CompletableFuture;

/**
 * bpmn.io's editors in the page: the bpmn-js modeler for BPMN, dmn-js for DRDs and
 * decision tables, the form-js editor for forms, vendored from npm under
 * {@code META-INF/resources/vendor} (see the README beside each). The file is opened as
 * given; {@link #content()} reads back what the person made of it. The bpmn.io watermark
 * stays, as the licence requires.
 */
class ModelEditor extends Div {

	static final String BPMN = "vendor/bpmn-js/18.6.2/";

	static final String DMN = "vendor/dmn-js/17.10.2/";

	static final String FORM = "vendor/form-js/1.23.0/";

	private final String kind;

	private final String source;

	ModelEditor(String kind, String source) {
		this.kind = kind;
		this.source = source;
		setId("model-editor");
		addClassName("sg-model-editor");
		setWidthFull();
		setHeight("560px");
		getStyle().set("border", "1px solid var(--lumo-contrast-10pct)")
			.set("border-radius", "var(--lumo-border-radius-l)")
			.set("position", "relative")
			.set("overflow", "hidden")
			.set("background", "white");
		getElement().setAttribute("data-kind", kind);
	}

	@Override
	protected void onAttach(AttachEvent attach) {
		var page = attach.getUI().getPage();
		switch (kind) {
			case "bpmn" -> {
				page.addStyleSheet("context://" + BPMN + "diagram-js.css");
				page.addStyleSheet("context://" + BPMN + "bpmn-js.css");
				page.addStyleSheet("context://" + BPMN + "bpmn-embedded.css");
			}
			case "dmn" -> {
				for (String css : new String[] { "diagram-js.css", "dmn-js-shared.css", "dmn-js-drd.css",
						"dmn-js-decision-table.css", "dmn-js-decision-table-controls.css",
						"dmn-js-literal-expression.css", "dmn-js-boxed-expression.css",
						"dmn-js-boxed-expression-controls.css", "dmn-embedded.css" }) {
					page.addStyleSheet("context://" + DMN + css);
				}
			}
			default -> {
				for (String css : new String[] { "form-js.css", "form-js-editor.css", "properties-panel.css",
						"draggle.css" }) {
					page.addStyleSheet("context://" + FORM + css);
				}
			}
		}
		String script = switch (kind) {
			case "bpmn" -> BPMN + "bpmn-modeler.production.min.js";
			case "dmn" -> DMN + "dmn-modeler.production.min.js";
			default -> FORM + "form-editor.umd.js";
		};
		String global = switch (kind) {
			case "bpmn" -> "BpmnJS";
			case "dmn" -> "DmnJS";
			default -> "FormEditor";
		};
		// each bundle sets a global; the modeler's is kept under its own name, so the
		// diagram viewer's
		// BpmnJS (same global name) and the modeler never replace each other
		getElement().executeJs("""
				const container = this, src = $0, global = $1, kind = $2, source = $3;
				const alias = 'sg' + kind + 'Editor';
				const load = () => window[alias] ? Promise.resolve(window[alias]) : new Promise((ok, fail) => {
				  const before = window[global];
				  const script = document.createElement('script');
				  script.src = src;
				  script.onload = () => {
				    window[alias] = window[global];
				    if (before) { window[global] = before; } else { delete window[global]; }
				    ok(window[alias]);
				  };
				  script.onerror = () => fail(new Error('cannot load ' + src));
				  document.head.appendChild(script);
				});
				load().then(Editor => {
				  if (kind === 'form') {
				    const editor = new Editor.FormEditor({ container });
				    container.sgEditor = editor;
				    container.sgContent = () => Promise.resolve(JSON.stringify(editor.saveSchema(), null, 2));
				    return editor.importSchema(JSON.parse(source));
				  }
				  const editor = new Editor({ container, keyboard: { bindTo: document } });
				  container.sgEditor = editor;
				  container.sgContent = () => editor.saveXML({ format: true }).then(result => result.xml);
				  return editor.importXML(source);
				}).then(() => {
				  container.setAttribute('data-ready', 'true');
				  if (kind === 'bpmn') { container.sgEditor.get('canvas').zoom('fit-viewport'); }
				}).catch(error => {
				  const message = String(error && error.message || error);
				  container.setAttribute('data-error', message);
				  const notice = document.createElement('p');
				  notice.style.cssText = 'position:absolute;top:0;left:0;right:0;margin:0;padding:var(--lumo-space-m);'
				    + 'background:var(--lumo-error-color-10pct);color:var(--lumo-error-text-color)';
				  notice.textContent = 'The editor cannot open this file: ' + message
				    + '. Download it, fix it in Camunda Modeler and upload it again.';
				  container.appendChild(notice);
				});
				""", script, global, kind, source);
	}

	/** Opens a decision's table in the DMN editor ({@code null}: the DRD). */
	void openDecision(String decisionKey) {
		getElement().executeJs(
				"""
						const editor = this.sgEditor;
						if (!editor || !editor.getViews) { return; }
						const view = editor.getViews().find(v => $0 ? v.element.id === $0 && v.type === 'decisionTable' : v.type === 'drd');
						if (view) { editor.open(view); }
						""",
				decisionKey);
	}

	/** What the editor holds now, as the file's text. */
	CompletableFuture<String> content() {
		return getElement().executeJs("return this.sgContent ? this.sgContent() : null")
			.toCompletableFuture(String.class);
	}

}
