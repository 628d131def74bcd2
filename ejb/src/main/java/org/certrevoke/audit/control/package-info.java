/** Writes and checks the hash-chained audit log; reacts to events instead of being called by hand. */
package org.certrevoke.audit.control;
