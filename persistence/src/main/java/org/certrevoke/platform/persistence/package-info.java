/** How EclipseLink behaves towards the database, beyond what persistence.xml can say. */
package org.certrevoke.platform.persistence;
