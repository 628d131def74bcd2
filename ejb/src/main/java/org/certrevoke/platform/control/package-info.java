/** What every feature stands on: the schema migrations at start-up and the clock. */
package org.certrevoke.platform.control;
