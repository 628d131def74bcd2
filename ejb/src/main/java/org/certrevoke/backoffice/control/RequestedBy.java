package org.certrevoke.backoffice.control;

import java.io.Serializable;
import org.certrevoke.backoffice.entity.Signatory;

/** Who called or signed the form, as the operator writes it down. */
public record RequestedBy(Signatory signatory, String name) implements Serializable {
}
