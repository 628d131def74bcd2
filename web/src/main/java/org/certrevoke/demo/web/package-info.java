/** The demo mailbox: in demo mode every sent e-mail can be read in the browser, no SMTP server needed. */
package org.certrevoke.demo.web;
