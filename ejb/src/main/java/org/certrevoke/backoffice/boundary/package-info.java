/**
 * The back office's use cases, each restricted to the staff role that may perform it.
 */
package org.certrevoke.backoffice.boundary;
