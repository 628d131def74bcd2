package org.certrevoke.audit.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.certrevoke.audit.boundary.AuditTrail;
import org.certrevoke.audit.boundary.ChainVerification;
import org.certrevoke.audit.control.AuditEventType;
import org.certrevoke.audit.control.AuditFilter;
import org.certrevoke.audit.control.AuditRow;
import org.certrevoke.audit.control.ChainReport;
import org.certrevoke.web.ClientAddress;
import org.certrevoke.web.Formats;
import org.certrevoke.web.LazyRows;
import org.certrevoke.web.Texts;
import org.primefaces.component.datatable.DataTable;

/** Backs backoffice/audit/journal.xhtml: the filtered audit log and the chain check. */
@Named("auditJournal")
@ViewScoped
public class Journal implements LazyRows.Source<AuditRow> {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditTrail trail;

    @Inject
    ChainVerification verification;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Formats formats;

    private String from;
    private String until;
    private String event;
    private String serial;
    private String actor;
    private AuditFilter filter = AuditFilter.EVERYTHING;
    private final LazyRows<AuditRow> rows = new LazyRows<>(this);
    private ChainReport report;

    public void search() {
        Instant start = TypedTime.parse(from).map(typed -> typed.start(formats.zone())).orElse(null);
        Instant end = TypedTime.parse(until).map(typed -> typed.end(formats.zone())).orElse(null);
        if (start != null && end != null && !start.isBefore(end)) {
            Texts.error("audit.log.period");
            return;
        }
        filter = new AuditFilter(start, end, event, serial, actor);
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent("journal:records") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    public void verify() {
        report = verification.verify(clientAddress.get());
    }

    @Override
    public long count() {
        return trail.count(filter);
    }

    @Override
    public List<AuditRow> page(int first, int pageSize) {
        return trail.page(filter, first, pageSize);
    }

    @Override
    public String key(AuditRow row) {
        return Long.toString(row.id());
    }

    public List<String> getEvents() {
        return Arrays.stream(AuditEventType.values()).map(Enum::name).sorted().toList();
    }

    /** What the check found, in the visitor's language; nothing before the first check. */
    public String getVerdict() {
        if (report == null) {
            return null;
        }
        if (report.intact()) {
            return report.records() == 0 ? Texts.text("audit.verify.empty")
                    : Texts.text("audit.verify.intact", report.records(), report.lastId(),
                            formats.dateTime(report.lastRecordedAt()));
        }
        String when = report.firstBreak().recordedAt() == null ? Texts.text("audit.verify.unknownTime")
                : formats.dateTime(report.firstBreak().recordedAt());
        return Texts.text("audit.verify.broken." + report.firstBreak().problem(), report.firstBreak().recordId(), when,
                report.firstBreak().otherId());
    }

    public ChainReport getReport() {
        return report;
    }

    public LazyRows<AuditRow> getRows() {
        return rows;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getUntil() {
        return until;
    }

    public void setUntil(String until) {
        this.until = until;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }
}
