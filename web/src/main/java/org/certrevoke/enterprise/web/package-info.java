/**
 * The enterprise pages: the login under /auth/ (the former site's path), the organisation's
 * certificates under /entreprise/, reachable only once all three login steps are done.
 */
package org.certrevoke.enterprise.web;
