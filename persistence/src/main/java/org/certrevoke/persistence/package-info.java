/** Mapping helpers shared by the entities of every feature. */
package org.certrevoke.persistence;
