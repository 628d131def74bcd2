/** What the publication endpoints ask for: a CA's latest CRL, its certificate, an OCSP answer. */
package org.certrevoke.publication.boundary;
