/** The audit log as the other features and the back office use it. */
package org.certrevoke.audit.boundary;
