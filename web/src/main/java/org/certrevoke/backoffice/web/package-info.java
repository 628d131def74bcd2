/**
 * The back-office pages under /backoffice/: the staff login, the home page with the staff bar, and the
 * operators' pages. Access is decided by the web.xml constraints and, again, by each boundary's roles.
 */
package org.certrevoke.backoffice.web;
