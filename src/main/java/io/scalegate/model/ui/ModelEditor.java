package io.scalegate.model.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import java.util.Arrays;
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
		String[] styles = switch (kind) {
			case "bpmn" -> new String[] { BPMN + "diagram-js.css", BPMN + "bpmn-js.css", BPMN + "bpmn-embedded.css" };
			case "dmn" -> Arrays.stream(new String[] { "diagram-js.css", "dmn-js-shared.css", "dmn-js-drd.css",
					"dmn-js-decision-table.css", "dmn-js-decision-table-controls.css", "dmn-js-literal-expression.css",
					"dmn-js-boxed-expression.css", "dmn-js-boxed-expression-controls.css", "dmn-embedded.css" })
				.map(css -> DMN + css)
				.toArray(String[]::new);
			default -> new String[] { FORM + "form-js.css", FORM + "form-js-editor.css", FORM + "properties-panel.css",
					FORM + "draggle.css" };
		};
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
		// The editor runs in a document of its own (a same-origin iframe), not in the
		// page: every view of ScaleGate sits in the light DOM slotted into
		// vaadin-app-layout's shadow root, and there dmn-js's cell editor (CodeMirror)
		// misreads the caret, so typed characters land in the wrong place ('0]' typed at
		// the end of '[0..0.25]' gave '0][0..0.25]'). In its own document the bundle
		// types as on a bare page, its keyboard shortcuts bind to that document only
		// (not to Vaadin's), and its styles and globals stay out of the page.
		getElement().executeJs("""
				const container = this, src = $0, global = $1, kind = $2, source = $3, styles = $4.split(' ');
				const frame = document.createElement('iframe');
				frame.title = 'Model editor';
				frame.style.cssText = 'border:0;width:100%;height:100%;display:block';
				frame.srcdoc = '<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
				  + 'html,body{margin:0;height:100%;font-family:sans-serif}#canvas{position:absolute;inset:0}'
				  + '</style></head><body><div id="canvas"></div></body></html>';
				const loaded = new Promise(ok => frame.addEventListener('load', ok, { once: true }));
				container.appendChild(frame);
				loaded.then(() => new Promise((ok, fail) => {
				  const doc = frame.contentDocument;
				  for (const css of styles) {
				    const link = doc.createElement('link');
				    link.rel = 'stylesheet';
				    link.href = new URL(css, document.baseURI).href;
				    doc.head.appendChild(link);
				  }
				  const script = doc.createElement('script');
				  script.src = new URL(src, document.baseURI).href;
				  script.onload = () => ok(frame.contentWindow[global]);
				  script.onerror = () => fail(new Error('cannot load ' + src));
				  doc.head.appendChild(script);
				})).then(Editor => {
				  const doc = frame.contentDocument, canvas = doc.getElementById('canvas');
				  if (kind === 'form') {
				    const editor = new Editor.FormEditor({ container: canvas });
				    container.sgEditor = editor;
				    container.sgContent = () => Promise.resolve(JSON.stringify(editor.saveSchema(), null, 2));
				    return editor.importSchema(JSON.parse(source));
				  }
				  const editor = new Editor({ container: canvas, keyboard: { bindTo: doc } });
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
				""", script, global, kind, source, String.join(" ", styles));
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
