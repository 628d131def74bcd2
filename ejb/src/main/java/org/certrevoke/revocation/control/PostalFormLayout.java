package org.certrevoke.revocation.control;

import java.io.IOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDRadioButton;
import org.certrevoke.registry.entity.RevocationReason;
import org.certrevoke.revocation.control.PostalFormPdf.Fields;

/**
 * The postal form's page from top to bottom, in points from the bottom left of an A4 sheet: title,
 * how to send it and where, the warning that revocation is final, then the certificate, the reason,
 * the requester, date and signature, and a box for the CA. {@code y} is the top of what comes next.
 */
final class PostalFormLayout {

    private static final float LEFT = 48;
    private static final float RIGHT = FormPage.WIDTH - 48;
    private static final float COLUMN = (RIGHT - LEFT - 14) / 2;
    private static final float ROW = 28;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final FormPage page;
    private final ResourceBundle texts;
    private final PostalForm form;
    private final List<String> address;
    private final ZoneId zone;
    private final Instant now;
    private float y = FormPage.HEIGHT - 46;

    PostalFormLayout(FormPage page, ResourceBundle texts, PostalForm form, List<String> address, ZoneId zone, Instant now) {
        this.page = page;
        this.texts = texts;
        this.form = form;
        this.address = address;
        this.zone = zone;
        this.now = now;
    }

    void draw() throws IOException {
        header();
        instructions();
        certificate();
        reasons();
        signatory();
        signature();
        office();
        footer();
    }

    private void header() throws IOException {
        page.text(true, 17, FormPage.ACCENT, LEFT, y - 17, text("title"));
        page.text(false, 9.5f, FormPage.MUTED, LEFT, y - 32, text("subtitle"));
        page.line(LEFT, y - 40, RIGHT, y - 40, FormPage.ACCENT, 1.5f);
        y -= 50;
    }

    private void instructions() throws IOException {
        float addressLeft = RIGHT - 190;
        float howToEnd = howTo(addressLeft - LEFT - 18);
        float addressEnd = addressBox(addressLeft);
        y = Math.min(howToEnd, addressEnd) - 7;
        List<String> warning = page.lines(9, RIGHT - LEFT - 24, text("final"));
        float height = 10 + warning.size() * 11.5f;
        page.rectangle(LEFT, y - height, RIGHT - LEFT, height, FormPage.WARNING_BACKGROUND, FormPage.WARNING, 0.8f);
        float baseline = y - 14;
        for (String line : warning) {
            page.text(true, 9, FormPage.WARNING, LEFT + 10, baseline, line);
            baseline -= 11.5f;
        }
        y -= height + 10;
    }

    /** The numbered steps; returns the bottom of the last one. */
    private float howTo(float width) throws IOException {
        page.text(true, 10, FormPage.INK, LEFT, y - 10, text("how.heading"));
        float baseline = y - 25;
        for (int i = 1; i <= 4; i++) {
            page.text(true, 8.5f, FormPage.ACCENT, LEFT, baseline, i + ".");
            baseline = page.paragraph(false, 8.5f, FormPage.INK, LEFT + 12, baseline, width - 12, text("how." + i)) - 3;
        }
        return baseline + 6;
    }

    /** Where to send the letter, each configured line wrapped to the box; returns the box's bottom. */
    private float addressBox(float left) throws IOException {
        float width = RIGHT - left;
        List<String> lines = new ArrayList<>();
        for (String line : address) {
            lines.addAll(page.lines(10, width - 20, line));
        }
        float height = 26 + lines.size() * 13;
        page.rectangle(left, y - height, width, height, FormPage.WHITE, FormPage.ACCENT, 1);
        page.rectangle(left, y - 16, width, 16, FormPage.ACCENT, null, 0);
        page.text(true, 8, FormPage.WHITE, left + 8, y - 11, text("address.heading"));
        float baseline = y - 31;
        for (String line : lines) {
            page.text(false, 10, FormPage.INK, left + 10, baseline, line);
            baseline -= 13;
        }
        return y - height;
    }

    private void certificate() throws IOException {
        section(1, "section.certificate");
        PostalForm.CertificateBlock c = form.certificate();
        twoFields(Fields.HOLDER, c == null ? null : c.holderName(), Fields.EMAIL, c == null ? null : c.email());
        twoFields(Fields.ORGANISATION, c == null ? null : c.organisation(),
                Fields.TYPE, c == null ? null : text("type." + c.type().name()));
        field(Fields.SERIAL, LEFT, RIGHT - LEFT, c == null ? null : c.serial());
        y -= ROW;
        field(Fields.ISSUER, LEFT, RIGHT - LEFT, c == null ? null : c.issuer());
        y -= ROW;
        twoFields(Fields.VALID_FROM, c == null ? null : dateTime(c.notBefore()),
                Fields.VALID_TO, c == null ? null : dateTime(c.notAfter()));
        y -= 4;
    }

    private void reasons() throws IOException {
        section(2, "section.reason");
        PDRadioButton group = page.radioGroup(Fields.REASON);
        List<PDAnnotationWidget> options = new ArrayList<>();
        List<RevocationReason> reasons = RevocationReason.offeredToHoldersAndRepresentatives();
        int rows = (reasons.size() + 1) / 2;
        for (int i = 0; i < reasons.size(); i++) {
            float x = i < rows ? LEFT : LEFT + COLUMN + 14;
            float top = y - (i % rows) * 15;
            choice(reasons.get(i).name(), x, top, text("reason." + reasons.get(i).name()), options);
        }
        group.setWidgets(options);
        y -= rows * 15 + 3;
        page.checkBox(Fields.PASSWORD_MAY_BE_KNOWN, LEFT, y - FormPage.BOX);
        page.paragraph(false, 8.5f, FormPage.INK, LEFT + FormPage.BOX + 6, y - 7.5f, RIGHT - LEFT - 20,
                text("password.mayBeKnown"));
        y -= 21;
    }

    private void signatory() throws IOException {
        section(3, "section.signatory");
        PDRadioButton group = page.radioGroup(Fields.SIGNER);
        List<PDAnnotationWidget> options = new ArrayList<>();
        PostalForm.Signer[] signers = PostalForm.Signer.values();
        for (int i = 0; i < signers.length; i++) {
            choice(signers[i].name(), LEFT + i * (COLUMN + 14), y, text("signer." + signers[i].name()), options);
        }
        group.setWidgets(options);
        PostalForm.Signatory signatory = form.signatory();
        if (signatory != null && signatory.signer() != null) {
            group.setValue(signatory.signer().name());
        }
        y -= 19;
        twoFields(Fields.SIGNER_NAME, signatory == null ? null : signatory.name(), Fields.SIGNER_CAPACITY, null);
        y -= 4;
    }

    private void signature() throws IOException {
        section(4, "section.signature");
        float boxLeft = LEFT + COLUMN + 14;
        float top = y;
        y = page.paragraph(false, 8.5f, FormPage.INK, LEFT, y - 9, COLUMN, text("statement")) + 2;
        field(Fields.PLACE, LEFT, COLUMN, null);
        y -= ROW;
        field(Fields.DATE, LEFT, COLUMN, null);
        y -= ROW;
        page.rectangle(boxLeft, y + 1, RIGHT - boxLeft, top - y - 1, FormPage.WHITE, FormPage.LINE, 0.7f);
        page.text(false, 7.5f, FormPage.MUTED, boxLeft + 6, top - 10, text("signature"));
        y -= 7;
    }

    private void office() throws IOException {
        float height = 30;
        page.dashed(true);
        page.rectangle(LEFT, y - height, RIGHT - LEFT, height, null, FormPage.LINE, 0.6f);
        page.dashed(false);
        page.text(true, 7.5f, FormPage.MUTED, LEFT + 8, y - 10, text("office.heading"));
        String[] labels = {"office.received", "office.by", "office.revoked"};
        float step = (RIGHT - LEFT - 16) / labels.length;
        for (int i = 0; i < labels.length; i++) {
            float x = LEFT + 8 + i * step;
            page.text(false, 7.5f, FormPage.MUTED, x, y - 23, text(labels[i]));
            float lineStart = x + page.width(7.5f, text(labels[i])) + 4;
            page.line(lineStart, y - 24, x + step - 12, y - 24, FormPage.LINE, 0.4f);
        }
        y -= height;
    }

    private void footer() throws IOException {
        String note = form.certificate() == null ? text("footer.blank")
                : MessageFormat.format(text("footer.prefilled"), date(now));
        page.paragraph(false, 7, FormPage.MUTED, LEFT, 26, RIGHT - LEFT, note);
    }

    private void section(int number, String key) throws IOException {
        page.rectangle(LEFT, y - 17, RIGHT - LEFT, 17, FormPage.BAND, null, 0);
        page.rectangle(LEFT, y - 17, 3, 17, FormPage.ACCENT, null, 0);
        page.text(true, 10, FormPage.ACCENT, LEFT + 10, y - 12, number + "   " + text(key));
        y -= 24;
    }

    private void twoFields(String left, String leftValue, String right, String rightValue) throws IOException {
        field(left, LEFT, COLUMN, leftValue);
        field(right, LEFT + COLUMN + 14, COLUMN, rightValue);
        y -= ROW;
    }

    /** A label and, below it, a text field; leaves {@code y} where it was. */
    private void field(String name, float x, float width, String value) throws IOException {
        page.text(false, 7.5f, FormPage.MUTED, x, y - 7, text("field." + name));
        page.textField(name, x, y - 10 - FormPage.FIELD_HEIGHT, width, value);
    }

    private void choice(String value, float x, float top, String label, List<PDAnnotationWidget> group)
            throws IOException {
        group.add(page.option(value, x, top - FormPage.BOX));
        page.text(false, 9, FormPage.INK, x + FormPage.BOX + 6, top - 8, label);
    }

    private String text(String key) {
        return texts.getString(key);
    }

    private String dateTime(Instant instant) {
        return instant == null ? null : DATE_TIME.withZone(zone).format(instant);
    }

    private String date(Instant instant) {
        return DATE.withZone(zone).format(instant);
    }
}
