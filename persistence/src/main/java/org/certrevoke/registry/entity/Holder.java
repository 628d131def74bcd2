package org.certrevoke.registry.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.certrevoke.platform.validation.EmailAddress;
import org.certrevoke.platform.validation.Text;

/**
 * A certificate holder (porteur). Found again by e-mail plus a keyed hash of the identity-document
 * number, which is never stored in clear; proves who they are with the answers to three questions.
 */
@Entity
@Table(name = "holder")
@NamedQuery(name = Holder.BY_LOOKUP,
        query = "SELECT h FROM Holder h WHERE h.emailLookup = :email AND h.idDocumentLookup = :idDocument")
@NamedQuery(name = Holder.BY_LOOKUP_IN_ORGANISATION,
        query = "SELECT h FROM Holder h WHERE h.emailLookup = :email AND h.idDocumentLookup = :idDocument"
                + " AND h.organisation = :organisation ORDER BY h.id")
@NamedQuery(name = Holder.BY_EMAIL, query = "SELECT h FROM Holder h WHERE h.emailLookup = :email ORDER BY h.id")
public class Holder {

    public static final String BY_LOOKUP = "Holder.byLookup";
    public static final String BY_EMAIL = "Holder.byEmail";
    public static final String BY_LOOKUP_IN_ORGANISATION = "Holder.byLookupInOrganisation";

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Valid
    @Embedded
    private PersonName name;

    @NotNull
    @EmailAddress
    @Column(nullable = false, length = EmailAddress.MAX_LENGTH)
    private String email;

    @Column(name = "email_lookup", nullable = false, length = EmailAddress.MAX_LENGTH)
    private String emailLookup;

    @Column(name = "id_document_lookup", nullable = false, length = 64)
    private String idDocumentLookup;

    @Column(name = "search_name", nullable = false, length = 201)
    private String searchName;

    @Column(name = "search_email", nullable = false, length = EmailAddress.MAX_LENGTH)
    private String searchEmail;

    @Text(max = Text.LINE)
    @Column(length = Text.LINE)
    private String establishment;

    @Text(max = Text.LINE)
    @Column(length = Text.LINE)
    private String service;

    @Text(max = Text.LINE)
    @Column(name = "job_function", length = Text.LINE)
    private String function;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "personal_question", joinColumns = @JoinColumn(name = "holder_id"))
    @OrderColumn(name = "position")
    private List<@Valid PersonalQuestion> questions = new ArrayList<>();

    protected Holder() {
    }

    public Holder(Organisation organisation, PersonName name, String email, String idDocumentLookup) {
        this.organisation = organisation;
        this.name = name;
        this.email = email;
        this.emailLookup = emailLookup(email);
        this.idDocumentLookup = idDocumentLookup;
        this.searchName = searchForm(name.full());
        this.searchEmail = searchForm(email);
    }

    /**
     * The form in which the enterprise search compares names and addresses, typed and stored alike:
     * a representative typing "maelle" or "GUILLOU" finds Maëlle Guillou.
     */
    public static String searchForm(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The form in which e-mail addresses are compared: the case of an address is not significant to us. */
    public static String emailLookup(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    String searchName() {
        return searchName;
    }

    String searchEmail() {
        return searchEmail;
    }

    public Holder workingAt(String establishment, String service, String function) {
        this.establishment = establishment;
        this.service = service;
        this.function = function;
        return this;
    }

    public Holder withQuestions(List<PersonalQuestion> questions) {
        if (questions.size() != 3) {
            throw new IllegalArgumentException("a holder has exactly three personal questions");
        }
        this.questions = new ArrayList<>(questions);
        return this;
    }

    /** Keeps the answer to the question at that position under a new hash (the answer itself is unchanged). */
    public void rehashAnswer(int position, String answerHash) {
        questions.set(position, new PersonalQuestion(questions.get(position).getQuestion(), answerHash));
    }

    public Long getId() {
        return id;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public PersonName getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getEstablishment() {
        return establishment;
    }

    public String getService() {
        return service;
    }

    public String getFunction() {
        return function;
    }

    public List<PersonalQuestion> getQuestions() {
        return List.copyOf(questions);
    }
}
