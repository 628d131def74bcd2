/** Counters behind rate limits and lockouts, shared by every server on the database. */
package org.certrevoke.security.entity;
