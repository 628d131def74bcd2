/**
 * The audit log: one record per security event, each chained to the previous one by a SHA-256
 * hash so that an edited, deleted or inserted record shows.
 */
package org.certrevoke.audit.entity;
