package org.certrevoke.backoffice.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.certrevoke.backoffice.boundary.PendingRequests;
import org.certrevoke.backoffice.boundary.PostalRequests;
import org.certrevoke.backoffice.control.Grounds;
import org.certrevoke.backoffice.control.RequestOutcome;
import org.certrevoke.backoffice.control.RequestPolicy;
import org.certrevoke.backoffice.control.RequestSummary;
import org.certrevoke.backoffice.control.RequestedBy;
import org.certrevoke.backoffice.control.RequestedCertificate;
import org.certrevoke.backoffice.control.UploadedScan;
import org.certrevoke.backoffice.entity.Signatory;
import org.certrevoke.web.ClientAddress;
import org.certrevoke.web.Formats;
import org.certrevoke.web.ReasonChoice;
import org.certrevoke.web.Texts;

/**
 * Backs backoffice/operateur/courrier.xhtml: a signed form received by post is recorded (date received,
 * who signed, the scan), then revoked at once or left pending with its clock running. The scan is read
 * no further than one byte past the largest size accepted; the boundary decides on it.
 */
@Named
@ViewScoped
public class Courrier implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Step { UNAVAILABLE, FORM, RECORDED, CONFIRM, DONE }

    @Inject
    PostalRequests postal;

    @Inject
    PendingRequests pending;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Formats formats;

    private final CertificateParameters target = new CertificateParameters();
    private Step step = Step.UNAVAILABLE;
    private RequestedCertificate certificate;
    private RequestPolicy.Limits limits;
    private LocalDateTime receivedAt;
    private Signatory signatory = Signatory.HOLDER;
    private String signatoryName;
    private transient Part scan;
    private RequestSummary recorded;
    private final ReasonChoice reasonChoice = ReasonChoice.forOperator();
    private RequestOutcome outcome;

    public void load() {
        try {
            certificate = postal.certificate(target.ref());
            limits = postal.limits();
            receivedAt = LocalDateTime.now(formats.zone()).truncatedTo(ChronoUnit.MINUTES);
            if (certificate.detail().revocable()) {
                step = Step.FORM;
            } else {
                Texts.error("revocation.notRevocable." + certificate.detail().state());
            }
        } catch (RuntimeException e) {
            if (!RequestMessages.refused(e)) {
                throw e;
            }
        }
    }

    public void record() {
        if (step != Step.FORM) {
            return;
        }
        try {
            Instant received = receivedAt == null ? null : receivedAt.atZone(formats.zone()).toInstant();
            recorded = postal.record(certificate.ref(), received, new RequestedBy(signatory, signatoryName),
                    upload(), clientAddress.get());
            step = Step.RECORDED;
            Texts.info("backoffice.postal.recorded");
        } catch (RuntimeException e) {
            if (!RequestMessages.refused(e)) {
                throw e;
            }
        }
    }

    private UploadedScan upload() {
        if (scan == null) {
            return new UploadedScan(null, new byte[0]);
        }
        try (InputStream in = scan.getInputStream()) {
            return new UploadedScan(scan.getSubmittedFileName(),
                    in.readNBytes((int) Math.min(limits.largestScan() + 1, Integer.MAX_VALUE - 8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void confirm() {
        if (step == Step.RECORDED) {
            step = Step.CONFIRM;
        }
    }

    public void back() {
        if (step == Step.CONFIRM) {
            step = Step.RECORDED;
        }
    }

    public void revoke() {
        if (step != Step.CONFIRM) {
            return;
        }
        try {
            outcome = pending.revoke(recorded.id(),
                    new Grounds(reasonChoice.getReason(), reasonChoice.someoneElseMayKnowPassword()), clientAddress.get());
            recorded = outcome.request();
            certificate = postal.certificate(certificate.ref());
            step = Step.DONE;
        } catch (RuntimeException e) {
            if (!RequestMessages.refused(e)) {
                throw e;
            }
            step = Step.RECORDED;
        }
    }

    public long getLargestScanMebibytes() {
        return limits.largestScan() / (1024 * 1024);
    }

    public CertificateParameters getTarget() {
        return target;
    }

    public Step getStep() {
        return step;
    }

    public RequestedCertificate getCertificate() {
        return certificate;
    }

    public RequestPolicy.Limits getLimits() {
        return limits;
    }

    public LocalDateTime getReceivedAt() {
        return receivedAt;
    }

    public void setReceivedAt(LocalDateTime receivedAt) {
        this.receivedAt = receivedAt;
    }

    public Signatory getSignatory() {
        return signatory;
    }

    public void setSignatory(Signatory signatory) {
        this.signatory = signatory;
    }

    public String getSignatoryName() {
        return signatoryName;
    }

    public void setSignatoryName(String signatoryName) {
        this.signatoryName = signatoryName;
    }

    public Part getScan() {
        return scan;
    }

    public void setScan(Part scan) {
        this.scan = scan;
    }

    public RequestSummary getRecorded() {
        return recorded;
    }

    public ReasonChoice getReasonChoice() {
        return reasonChoice;
    }

    public RequestOutcome getOutcome() {
        return outcome;
    }
}
