/**
 * What every feature stands on: the schema migrations at start-up, the clock, and how a database outage is
 * told from other failures and reported.
 */
package org.certrevoke.platform.control;
