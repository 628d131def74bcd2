package org.certrevoke.backoffice.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/**
 * The scanned form of a postal request, apart from the request itself: nothing in the entities is lazy,
 * and listing the pending requests must not read megabytes of scans.
 */
@Entity
@Table(name = "revocation_request_scan")
public class RequestScan {

    @Id
    @Column(name = "request_id")
    private Long requestId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "request_id")
    private RevocationRequest request;

    @Column(nullable = false)
    private byte[] content;

    protected RequestScan() {
    }

    public RequestScan(RevocationRequest request, byte[] content) {
        this.request = request;
        this.content = content.clone();
    }

    public RevocationRequest getRequest() {
        return request;
    }

    public byte[] getContent() {
        return content.clone();
    }
}
