/**
 * The constraints every feature's input shares, declared once: an e-mail address, a line of text, an
 * organisation identifier, a certificate serial number. Entities, API requests and pages name them
 * instead of restating lengths and patterns, so that what the database holds and what a caller may send
 * cannot drift apart.
 */
package org.certrevoke.platform.validation;
