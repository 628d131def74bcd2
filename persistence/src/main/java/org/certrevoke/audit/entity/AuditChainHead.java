package org.certrevoke.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the chain. Appending locks this single row, so records get gap-free numbers in the
 * order their hashes are chained, also with several servers on one database.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

    public static final int THE_ONLY_ROW = 1;

    @Id
    private int id;

    @Column(name = "last_id", nullable = false)
    private long lastId;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditChainHead() {
    }

    public long nextId() {
        return lastId + 1;
    }

    public String getLastHash() {
        return lastHash;
    }

    public void advance(long id, String hash) {
        this.lastId = id;
        this.lastHash = hash;
    }
}
