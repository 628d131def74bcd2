package org.certrevoke.revocation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.certrevoke.registry.entity.RevocationReason;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The revocation request form a holder or legal representative sends by registered post (seed 000
 * §3), as a one-page A4 PDF with AcroForm fields: it can be filled on screen or printed and filled
 * by hand, and pre-filled values are both field values and printed text. Only the reasons holders
 * and representatives may give are offered (never non-payment). The text comes from the
 * {@code form} bundles (French, English); the CA's address from {@code certrevoke.postal.address}.
 */
@ApplicationScoped
public class PostalFormPdf {

    /** The names of the form's fields, for whoever reads a returned form back. */
    public static final class Fields {
        public static final String HOLDER = "holder";
        public static final String EMAIL = "email";
        public static final String ORGANISATION = "organisation";
        public static final String TYPE = "type";
        public static final String SERIAL = "serial";
        public static final String ISSUER = "issuer";
        public static final String VALID_FROM = "validFrom";
        public static final String VALID_TO = "validTo";
        /** Radio group; export values are {@link RevocationReason} names. */
        public static final String REASON = "reason";
        /** Check box, "Yes" when ticked. */
        public static final String PASSWORD_MAY_BE_KNOWN = "passwordMayBeKnown";
        /** Radio group; export values are {@link PostalForm.Signer} names. */
        public static final String SIGNER = "signer";
        public static final String SIGNER_NAME = "signerName";
        public static final String SIGNER_CAPACITY = "signerCapacity";
        public static final String PLACE = "place";
        public static final String DATE = "date";

        private Fields() {
        }
    }

    /** Lines separated by ';': clearly a placeholder until the CA configures its own. */
    public static final String DEFAULT_ADDRESS = "Autorité de certification;Service des révocations;"
            + "Adresse postale à configurer;(certrevoke.postal.address)";

    /** Liberation Sans (SIL Open Font License), which PDFBox itself ships as its fallback font. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    @Inject
    @ConfigProperty(name = "certrevoke.postal.address", defaultValue = DEFAULT_ADDRESS)
    String postalAddress;

    @Inject
    @ConfigProperty(name = "certrevoke.time-zone", defaultValue = "Europe/Paris")
    String timeZone;

    @Inject
    Clock clock;

    private final Map<Locale, PdfDocument> blanks = new ConcurrentHashMap<>();
    private volatile byte[] font;

    public PostalFormPdf() {
    }

    PostalFormPdf(String postalAddress, String timeZone, Clock clock) {
        this.postalAddress = postalAddress;
        this.timeZone = timeZone;
        this.clock = clock;
    }

    /** The form; the blank one is made once per language, as it never changes while the server runs. */
    public PdfDocument render(PostalForm form) {
        Locale language = "en".equals(form.locale().getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
        if (form.isBlank()) {
            return blanks.computeIfAbsent(language, l -> document(PostalForm.blank(l)));
        }
        return document(new PostalForm(language, form.certificate(), form.signatory()));
    }

    private PdfDocument document(PostalForm form) {
        ResourceBundle texts = ResourceBundle.getBundle("org.certrevoke.revocation.control.form", form.locale(),
                PostalFormPdf.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle(texts.getString("document.title"));
            document.getDocumentCatalog().setLanguage(form.locale().getLanguage());
            try (FormPage page = new FormPage(document, font())) {
                new PostalFormLayout(page, texts, form, addressLines(texts), ZoneId.of(timeZone), clock.instant()).draw();
            }
            document.save(out);
            String serial = form.certificate() == null ? "" : "-" + form.certificate().serial().replaceAll("[^A-Za-z0-9]", "");
            return new PdfDocument(texts.getString("file.name") + serial + ".pdf", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configured address; while none is, a placeholder in the form's language. */
    private List<String> addressLines(ResourceBundle texts) {
        String address = DEFAULT_ADDRESS.equals(postalAddress) ? texts.getString("address.placeholder") : postalAddress;
        return Arrays.stream(address.split(";")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private byte[] font() throws IOException {
        if (font == null) {
            try (InputStream in = PostalFormPdf.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IOException("PDFBox no longer ships " + FONT);
                }
                font = in.readAllBytes();
            }
        }
        return font;
    }
}
