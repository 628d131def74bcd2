/** The bridge that gives WildFly's health endpoint the application's checks from the EAR's library. */
package org.certrevoke.platform.health;
