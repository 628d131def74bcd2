/** Rules and lookups behind the revocation use cases; the event every revocation fires. */
package org.certrevoke.revocation.control;
