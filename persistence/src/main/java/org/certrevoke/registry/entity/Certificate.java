package org.certrevoke.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.certrevoke.platform.validation.EmailAddress;
import org.certrevoke.platform.validation.SerialNumber;

/**
 * A certificate the CA issued, with the fields parsed from its DER. Owns its revocation: once
 * revoked it stays revoked, and a second revocation is refused. Carries copies of its holder's
 * organisation and search forms, so that the enterprise search reads one organisation's
 * certificates, filtered and sorted, through indexes of this table alone; a holder's organisation,
 * name and e-mail never change once registered, so the copies cannot go stale.
 */
@Entity
@Table(name = "certificate")
@NamedQuery(name = Certificate.OF_HOLDERS,
        query = "SELECT c FROM Certificate c WHERE c.holder IN :holders ORDER BY c.notBefore DESC, c.serial")
@NamedQuery(name = Certificate.OF_HOLDER_EMAIL,
        query = "SELECT c FROM Certificate c WHERE c.holder.emailLookup = :email ORDER BY c.notBefore DESC, c.serial")
@NamedQuery(name = Certificate.BY_SERIAL,
        query = "SELECT c FROM Certificate c WHERE c.serial = :serial")
@NamedQuery(name = Certificate.BY_AUTHORITY_AND_SERIAL,
        query = "SELECT c FROM Certificate c WHERE c.authority.alias = :alias AND c.serial = :serial")
public class Certificate {

    public static final String OF_HOLDERS = "Certificate.ofHolders";
    public static final String OF_HOLDER_EMAIL = "Certificate.ofHolderEmail";
    public static final String BY_SERIAL = "Certificate.bySerial";
    public static final String BY_AUTHORITY_AND_SERIAL = "Certificate.byAuthorityAndSerial";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "authority_id")
    private CertificateAuthority authority;

    @ManyToOne(optional = false)
    @JoinColumn(name = "holder_id")
    private Holder holder;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Column(name = "holder_search_name", nullable = false, length = 201)
    private String holderSearchName;

    @Column(name = "holder_search_email", nullable = false, length = EmailAddress.MAX_LENGTH)
    private String holderSearchEmail;

    @Enumerated(EnumType.STRING)
    @Column(name = "certificate_type", nullable = false, length = 20)
    private CertificateType type;

    @NotNull
    @SerialNumber
    @Column(nullable = false, length = 64)
    private String serial;

    @Column(name = "issuer_dn", nullable = false, length = 500)
    private String issuerDn;

    @Column(name = "subject_dn", nullable = false, length = 500)
    private String subjectDn;

    @Column(name = "subject_alt_names", nullable = false, length = 1000)
    private String subjectAlternativeNames;

    @Column(name = "not_before", nullable = false)
    private Instant notBefore;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Column(nullable = false)
    private byte[] der;

    @Column(name = "cancellation_code_hash", length = 200)
    private String cancellationCodeHash;

    @Column(nullable = false)
    private boolean revoked;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "revocation_reason", length = 40)
    private RevocationReason revocationReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "crl_reason", length = 30)
    private CrlReason crlReason;

    @Embedded
    private Requester requester;

    @Column(name = "invalidity_date")
    private Instant invalidityDate;

    @Version
    private long version;

    protected Certificate() {
    }

    public Certificate(CertificateAuthority authority, Holder holder, CertificateType type, Parsed parsed) {
        this.authority = authority;
        this.holder = holder;
        if (holder != null) {
            this.organisation = holder.getOrganisation();
            this.holderSearchName = holder.searchName();
            this.holderSearchEmail = holder.searchEmail();
        }
        this.type = type;
        this.serial = parsed.serial();
        this.issuerDn = parsed.issuerDn();
        this.subjectDn = parsed.subjectDn();
        this.subjectAlternativeNames = parsed.subjectAlternativeNames();
        this.notBefore = parsed.notBefore();
        this.notAfter = parsed.notAfter();
        this.der = parsed.der().clone();
    }

    /** The fields read from the DER by the registry; never typed in by hand. */
    public record Parsed(String serial, String issuerDn, String subjectDn, String subjectAlternativeNames,
                         Instant notBefore, Instant notAfter, byte[] der) {
    }

    public CertificateState stateAt(Instant now) {
        if (revoked) {
            return CertificateState.REVOKED;
        }
        return now.isAfter(notAfter) ? CertificateState.EXPIRED : CertificateState.VALID;
    }

    public void revoke(Instant at, RevocationReason reason, CrlReason published, Requester by) {
        CertificateState state = stateAt(at);
        if (state != CertificateState.VALID) {
            throw new RevocationRefusedException(state);
        }
        this.revoked = true;
        this.revokedAt = at;
        this.revocationReason = reason;
        this.crlReason = published;
        this.requester = by;
    }

    /** RFC 5280 §5.3.2; only a revoked certificate has one, and never later than its revocation. */
    public void invalidSince(Instant date) {
        if (!revoked || date.isAfter(revokedAt)) {
            throw new IllegalStateException("an invalidity date belongs to a revocation and precedes it");
        }
        this.invalidityDate = date;
    }

    public void protectWithCancellationCode(String codeHash) {
        this.cancellationCodeHash = codeHash;
    }

    public Long getId() {
        return id;
    }

    public CertificateAuthority getAuthority() {
        return authority;
    }

    public Holder getHolder() {
        return holder;
    }

    public CertificateType getType() {
        return type;
    }

    public String getSerial() {
        return serial;
    }

    public String getIssuerDn() {
        return issuerDn;
    }

    public String getSubjectDn() {
        return subjectDn;
    }

    public String getSubjectAlternativeNames() {
        return subjectAlternativeNames;
    }

    public Instant getNotBefore() {
        return notBefore;
    }

    public Instant getNotAfter() {
        return notAfter;
    }

    public byte[] getDer() {
        return der.clone();
    }

    public String getCancellationCodeHash() {
        return cancellationCodeHash;
    }

    public boolean isRevoked() {
        return revoked;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public RevocationReason getRevocationReason() {
        return revocationReason;
    }

    public CrlReason getCrlReason() {
        return crlReason;
    }

    public Requester getRequester() {
        return requester;
    }

    public Instant getInvalidityDate() {
        return invalidityDate;
    }
}
