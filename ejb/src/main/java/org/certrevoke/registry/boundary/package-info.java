/** Registration of what the CA issued: organisations, holders with their secrets, certificates. */
package org.certrevoke.registry.boundary;
