/** The HTTP endpoints relying parties use: CRLs, CA certificates and the OCSP responder. */
package org.certrevoke.publication.web;
