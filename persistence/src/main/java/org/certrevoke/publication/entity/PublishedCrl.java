package org.certrevoke.publication.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The latest signed CRL of one CA, kept in the database so that every server of a cluster serves the
 * same bytes and the next CRL number is taken from here under a row lock, never from one server's memory.
 */
@Entity
@Table(name = "published_crl")
public class PublishedCrl {

    @Id
    @Column(name = "authority_id")
    private Long authorityId;

    @Column(name = "crl_number", nullable = false)
    private long crlNumber;

    @Column(name = "this_update")
    private Instant thisUpdate;

    @Column(name = "next_update")
    private Instant nextUpdate;

    @Column(nullable = false)
    private long entries;

    /** Revoked certificates whose rows could not be listed (see the publication feature's {@code SkippedRow}). */
    @Column(nullable = false)
    private long skipped;

    private byte[] der;

    protected PublishedCrl() {
    }

    public PublishedCrl(long authorityId) {
        this.authorityId = authorityId;
    }

    /** The number the next CRL must carry: one more than the last, whatever server issued it. */
    public long nextNumber() {
        return crlNumber + 1;
    }

    public void replace(long number, Instant thisUpdate, Instant nextUpdate, long entries, long skipped, byte[] der) {
        if (number <= crlNumber) {
            throw new IllegalArgumentException("CRL number " + number + " is not above " + crlNumber);
        }
        this.crlNumber = number;
        this.thisUpdate = thisUpdate;
        this.nextUpdate = nextUpdate;
        this.entries = entries;
        this.skipped = skipped;
        this.der = der.clone();
    }

    public boolean isIssued() {
        return der != null;
    }

    public Long getAuthorityId() {
        return authorityId;
    }

    public long getCrlNumber() {
        return crlNumber;
    }

    public Instant getThisUpdate() {
        return thisUpdate;
    }

    public Instant getNextUpdate() {
        return nextUpdate;
    }

    public long getEntries() {
        return entries;
    }

    public long getSkipped() {
        return skipped;
    }

    public byte[] getDer() {
        return der == null ? null : der.clone();
    }
}
