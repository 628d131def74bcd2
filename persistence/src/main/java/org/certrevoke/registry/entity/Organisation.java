package org.certrevoke.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.certrevoke.platform.validation.Identifier;
import org.certrevoke.platform.validation.Text;

/** A customer organisation; its legal representative may revoke the certificates of all its holders. */
@Entity
@Table(name = "organisation")
@NamedQuery(name = Organisation.BY_IDENTIFIER,
        query = "SELECT o FROM Organisation o WHERE o.identifier = :identifier")
public class Organisation {

    public static final String BY_IDENTIFIER = "Organisation.byIdentifier";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
    @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
    private Long id;

    @NotNull
    @Identifier
    @Column(nullable = false, unique = true, length = Identifier.MAX_LENGTH)
    private String identifier;

    @NotBlank
    @Text(max = Text.LINE)
    @Column(nullable = false, length = Text.LINE)
    private String name;

    protected Organisation() {
    }

    public Organisation(String identifier, String name) {
        this.identifier = identifier;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getIdentifier() {
        return identifier;
    }

    public String getName() {
        return name;
    }
}
