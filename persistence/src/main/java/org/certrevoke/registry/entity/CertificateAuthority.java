package org.certrevoke.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An issuing CA whose certificates we register, revoke and publish status for. */
@Entity
@Table(name = "certificate_authority")
@NamedQuery(name = CertificateAuthority.BY_ALIAS,
        query = "SELECT a FROM CertificateAuthority a WHERE a.alias = :alias")
@NamedQuery(name = CertificateAuthority.BY_SUBJECT,
        query = "SELECT a FROM CertificateAuthority a WHERE a.subjectDn = :subjectDn ORDER BY a.id")
public class CertificateAuthority {

    public static final String BY_ALIAS = "CertificateAuthority.byAlias";
    public static final String BY_SUBJECT = "CertificateAuthority.bySubject";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String alias;

    @Column(name = "subject_dn", nullable = false, length = 500)
    private String subjectDn;

    @Column(name = "certificate_der", nullable = false)
    private byte[] certificateDer;

    protected CertificateAuthority() {
    }

    public CertificateAuthority(String alias, String subjectDn, byte[] certificateDer) {
        this.alias = alias;
        this.subjectDn = subjectDn;
        this.certificateDer = certificateDer.clone();
    }

    public Long getId() {
        return id;
    }

    public String getAlias() {
        return alias;
    }

    public String getSubjectDn() {
        return subjectDn;
    }

    public byte[] getCertificateDer() {
        return certificateDer.clone();
    }
}
