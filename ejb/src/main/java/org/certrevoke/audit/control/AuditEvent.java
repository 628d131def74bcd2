package org.certrevoke.audit.control;

/** What is worth recording about one security event; never a secret. */
public record AuditEvent(AuditEventType type, String actor, String clientAddress, String certificateSerial,
                         String details) {

    public static AuditEvent of(AuditEventType type, String actor, String clientAddress) {
        return new AuditEvent(type, actor, clientAddress, null, null);
    }

    public AuditEvent about(String serial) {
        return new AuditEvent(type, actor, clientAddress, serial, details);
    }

    public AuditEvent saying(String text) {
        return new AuditEvent(type, actor, clientAddress, certificateSerial, text);
    }
}
