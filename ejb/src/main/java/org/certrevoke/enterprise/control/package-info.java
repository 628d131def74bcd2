/**
 * The parts of the enterprise area below its boundaries: the e-mailed login codes, the masked
 * address, and the search over one organisation's certificates that never leaves that organisation.
 */
package org.certrevoke.enterprise.control;
