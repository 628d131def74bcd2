package org.certrevoke.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.certrevoke.platform.validation.EmailAddress;

/**
 * The person who answers for an organisation. The access key is only ever stored as a slow hash;
 * it is handed out once, when the organisation's first certificate is issued.
 */
@Entity
@Table(name = "legal_representative")
@NamedQuery(name = LegalRepresentative.OF_ORGANISATION,
        query = "SELECT r FROM LegalRepresentative r WHERE r.organisation = :organisation")
public class LegalRepresentative {

    public static final String OF_ORGANISATION = "LegalRepresentative.ofOrganisation";

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

    @Column(name = "access_key_hash", nullable = false, length = 200)
    private String accessKeyHash;

    protected LegalRepresentative() {
    }

    public LegalRepresentative(Organisation organisation, PersonName name, String email, String accessKeyHash) {
        this.organisation = organisation;
        this.name = name;
        this.email = email;
        this.accessKeyHash = accessKeyHash;
    }

    public void replaceAccessKey(String newHash) {
        this.accessKeyHash = newHash;
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

    public String getAccessKeyHash() {
        return accessKeyHash;
    }
}
