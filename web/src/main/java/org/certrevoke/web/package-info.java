/** What every page shares: language, formats, the client's address, security headers, entry redirects. */
package org.certrevoke.web;
