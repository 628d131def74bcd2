package org.certrevoke.revocation.control;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDAppearanceContentStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceCharacteristicsDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDCheckBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDRadioButton;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/**
 * One A4 page of a fillable form: text, boxes and AcroForm fields placed in points from the bottom
 * left corner. Everything is set in one embedded font, which covers far more than the Latin-1 of the
 * standard 14 fonts (names such as Łukasz or Dvořák); bold is that font stroked as well as filled, so
 * no standard font is needed (PDFBox would scan the server's system fonts for one). Boxes are drawn
 * on the page itself, so a printed blank form shows them whatever the viewer does with empty fields.
 * <p>
 * Every text is made printable first ({@link #printable}): a name may hold anything its registration
 * let through, and one character the font has no glyph for would make the whole form fail.
 */
final class FormPage implements Closeable {

    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float FIELD_HEIGHT = 16;
    static final float BOX = 9;
    static final float VALUE_SIZE = 9;

    /** A colour as the three RGB components PDF operators take. */
    record Rgb(float red, float green, float blue) {
    }

    static final Rgb INK = new Rgb(0.1f, 0.1f, 0.12f);
    static final Rgb MUTED = new Rgb(0.36f, 0.38f, 0.42f);
    static final Rgb ACCENT = new Rgb(0.09f, 0.23f, 0.44f);
    static final Rgb BAND = new Rgb(0.9f, 0.93f, 0.97f);
    static final Rgb FIELD = new Rgb(0.955f, 0.965f, 0.985f);
    static final Rgb LINE = new Rgb(0.55f, 0.58f, 0.64f);
    static final Rgb WARNING = new Rgb(0.62f, 0.12f, 0.09f);
    static final Rgb WARNING_BACKGROUND = new Rgb(0.99f, 0.94f, 0.92f);
    static final Rgb WHITE = new Rgb(1, 1, 1);

    private final PDDocument document;
    private final PDPage page;
    private final PDPageContentStream content;
    private final PDAcroForm form;
    private final PDFont font;
    private final String fieldFont;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private final String replacement;

    FormPage(PDDocument document, byte[] trueTypeFont) throws IOException {
        this.document = document;
        page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (InputStream font = new ByteArrayInputStream(trueTypeFont)) {
            // whole font, not a subset: whoever fills the form on screen may type any character
            this.font = PDType0Font.load(document, font, false);
        }
        form = new PDAcroForm(document);
        document.getDocumentCatalog().setAcroForm(form);
        PDResources resources = new PDResources();
        fieldFont = resources.add(font).getName();
        form.setDefaultResources(resources);
        form.setDefaultAppearance(appearance(VALUE_SIZE));
        content = new PDPageContentStream(document, page);
        replacement = hasGlyph('\uFFFD') ? "\uFFFD" : "?";
    }

    /**
     * The text as the font can set it: composed (NFC, so that a letter and its combining accent become the
     * accented letter the font has), without control or invisible formatting characters (bidirectional
     * overrides, zero-width joiners), and with every character the font lacks (emoji, scripts it does not
     * cover) replaced by U+FFFD, or '?' if the font lacks that too, so that the reader sees something is missing.
     */
    String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder printable = new StringBuilder(text.length());
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c == '\t' || c == '\n' || c == '\r') {
                printable.append(' ');
            } else if (type == Character.CONTROL || type == Character.FORMAT) {
                return;
            } else if (type != Character.SURROGATE && hasGlyph(c)) {
                printable.appendCodePoint(c);
            } else {
                printable.append(replacement);
            }
        });
        return printable.toString();
    }

    private boolean hasGlyph(int codePoint) {
        return glyphs.computeIfAbsent(codePoint, c -> {
            try {
                font.encode(new String(Character.toChars(c)));
                return true;
            } catch (IllegalArgumentException | IOException noGlyph) {
                return false;
            }
        });
    }

    /** The width of the text in regular weight (bold is a fraction of a point wider). */
    float width(float size, String text) {
        try {
            return font.getStringWidth(printable(text)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void text(boolean bold, float size, Rgb colour, float x, float y, String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(colour.red(), colour.green(), colour.blue());
        if (bold) {
            content.setRenderingMode(RenderingMode.FILL_STROKE);
            content.setStrokingColor(colour.red(), colour.green(), colour.blue());
            content.setLineWidth(size * 0.028f);
        }
        content.newLineAtOffset(x, y);
        content.showText(printable(text));
        if (bold) {
            content.setRenderingMode(RenderingMode.FILL);
        }
        content.endText();
    }

    /** Writes the text on as many lines as it needs and returns the baseline below the last one. */
    float paragraph(boolean bold, float size, Rgb colour, float x, float y, float width, String text) throws IOException {
        float baseline = y;
        for (String line : lines(size, width, text)) {
            text(bold, size, colour, x, baseline, line);
            baseline -= size * 1.3f;
        }
        return baseline;
    }

    List<String> lines(float size, float width, String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(size, candidate) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    void rectangle(float x, float y, float width, float height, Rgb fill, Rgb stroke, float lineWidth) throws IOException {
        content.addRect(x, y, width, height);
        if (fill != null && stroke != null) {
            content.setNonStrokingColor(fill.red(), fill.green(), fill.blue());
            content.setStrokingColor(stroke.red(), stroke.green(), stroke.blue());
            content.setLineWidth(lineWidth);
            content.fillAndStroke();
        } else if (fill != null) {
            content.setNonStrokingColor(fill.red(), fill.green(), fill.blue());
            content.fill();
        } else {
            content.setStrokingColor(stroke.red(), stroke.green(), stroke.blue());
            content.setLineWidth(lineWidth);
            content.stroke();
        }
    }

    void dashed(boolean on) throws IOException {
        content.setLineDashPattern(on ? new float[] {3, 2} : new float[0], 0);
    }

    void line(float x1, float y1, float x2, float y2, Rgb colour, float lineWidth) throws IOException {
        content.setStrokingColor(colour.red(), colour.green(), colour.blue());
        content.setLineWidth(lineWidth);
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
        content.stroke();
    }

    /** A one-line text field over a drawn box; a value too wide for the box is set smaller. */
    void textField(String name, float x, float y, float width, String typed) throws IOException {
        String value = printable(typed);
        rectangle(x, y, width, FIELD_HEIGHT, FIELD, LINE, 0.5f);
        PDTextField field = new PDTextField(form);
        field.setPartialName(name);
        float size = VALUE_SIZE;
        if (value != null) {
            while (size > 5 && width(size, value) > width - 6) {
                size -= 0.5f;
            }
        }
        field.setDefaultAppearance(appearance(size));
        place(field.getWidgets().get(0), x, y, width, FIELD_HEIGHT);
        form.getFields().add(field);
        field.setValue(value == null ? "" : value);
    }

    void checkBox(String name, float x, float y) throws IOException {
        PDCheckBox box = new PDCheckBox(form);
        box.setPartialName(name);
        choiceWidget(box.getWidgets().get(0), "Yes", x, y);
        form.getFields().add(box);
    }

    PDRadioButton radioGroup(String name) {
        PDRadioButton group = new PDRadioButton(form);
        group.setPartialName(name);
        form.getFields().add(group);
        return group;
    }

    /** A square box whose "on" state is exportValue; the group's widgets are set once all are placed. */
    PDAnnotationWidget option(String exportValue, float x, float y) throws IOException {
        PDAnnotationWidget widget = new PDAnnotationWidget();
        choiceWidget(widget, exportValue, x, y);
        return widget;
    }

    private void choiceWidget(PDAnnotationWidget widget, String onState, float x, float y) throws IOException {
        rectangle(x, y, BOX, BOX, WHITE, LINE, 0.7f);
        place(widget, x, y, BOX, BOX);
        PDAppearanceCharacteristicsDictionary characteristics = new PDAppearanceCharacteristicsDictionary(new COSDictionary());
        // the ZapfDingbats cross, for viewers that redraw the box themselves
        characteristics.getCOSObject().setString(COSName.CA, "8");
        widget.setAppearanceCharacteristics(characteristics);
        COSDictionary states = new COSDictionary();
        states.setItem(COSName.getPDFName(onState), cross(true));
        states.setItem(COSName.Off, cross(false));
        PDAppearanceDictionary appearance = new PDAppearanceDictionary();
        appearance.getCOSObject().setItem(COSName.N, states);
        widget.setAppearance(appearance);
        widget.setAppearanceState(COSName.Off.getName());
    }

    private PDAppearanceStream cross(boolean drawn) throws IOException {
        PDAppearanceStream stream = new PDAppearanceStream(document);
        stream.setBBox(new PDRectangle(BOX, BOX));
        stream.setResources(new PDResources());
        try (PDAppearanceContentStream drawing = new PDAppearanceContentStream(stream)) {
            if (drawn) {
                drawing.setStrokingColor(INK.red(), INK.green(), INK.blue());
                drawing.setLineWidth(1.3f);
                drawing.moveTo(2, 2);
                drawing.lineTo(BOX - 2, BOX - 2);
                drawing.moveTo(2, BOX - 2);
                drawing.lineTo(BOX - 2, 2);
                drawing.stroke();
            }
        }
        return stream;
    }

    private void place(PDAnnotationWidget widget, float x, float y, float width, float height) throws IOException {
        widget.setRectangle(new PDRectangle(x, y, width, height));
        widget.setPage(page);
        widget.setPrinted(true);
        page.getAnnotations().add(widget);
    }

    private String appearance(float size) {
        return "/" + fieldFont + " " + size + " Tf 0 g";
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
