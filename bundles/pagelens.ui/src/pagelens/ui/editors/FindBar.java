package pagelens.ui.editors;

import java.util.function.BiConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import pagelens.core.io.ByteSearch;

/** The find row both the hex and the page editor show: mode, pattern, "Find next", and a status label. */
final class FindBar {
    /** Where the editor reports progress and results. */
    final Label status;

    FindBar(Composite root, String title, int width, BiConsumer<String, ByteSearch.Mode> find) {
        Composite fb = new Composite(root, SWT.NONE);
        fb.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout fl = new GridLayout(5, false);
        fl.marginHeight = 0;
        fb.setLayout(fl);
        new Label(fb, SWT.NONE).setText(title);
        Combo mode = new Combo(fb, SWT.READ_ONLY);
        mode.setItems("Hex bytes", "Text (Latin-1)", "Text (UTF-16LE)");
        mode.select(0);
        Text text = new Text(fb, SWT.BORDER | SWT.SINGLE);
        text.setMessage("4D 5A 90 or text");
        text.setLayoutData(new GridData(width, SWT.DEFAULT));
        Runnable go = () -> find.accept(text.getText(), ByteSearch.Mode.values()[mode.getSelectionIndex()]);
        text.addListener(SWT.DefaultSelection, e -> go.run());
        Button button = new Button(fb, SWT.PUSH);
        button.setText("Find next");
        button.addListener(SWT.Selection, e -> go.run());
        status = new Label(fb, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }
}
